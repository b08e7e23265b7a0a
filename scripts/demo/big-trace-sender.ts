// Sends the `--big-trace` trace: its OTLP/JSON batches one after another to /v1/traces,
// waiting out a full queue (503 with Retry-After) as an OTLP exporter would.
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { bigTraceRequests } from "./big-trace";

export interface BigTraceReport {
  traceId: string;
  spans: number;
  requests: number;
  seconds: number;
}

const MAX_ATTEMPTS = 10;

async function post(url: string, token: string | undefined, body: object, fetchImpl: typeof fetch): Promise<void> {
  const text = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    const response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: text,
    });
    if (response.ok) return;
    if (response.status !== 503 || attempt === MAX_ATTEMPTS) throw new Error(`POST ${url} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    await sleep(Number(response.headers.get("retry-after") ?? "1") * 1000);
  }
}

/** One trace of `spans` spans ending now, sent in batches; resolves once every batch was accepted. */
export async function sendBigTrace(url: string, token: string | undefined, spans: number, nowNs: bigint, fetchImpl: typeof fetch = fetch): Promise<BigTraceReport> {
  const traceId = randomBytes(16).toString("hex");
  const started = performance.now();
  let requests = 0;
  // The root lasts a minute: it starts a minute and a bit before now.
  for (const body of bigTraceRequests({ spans, traceId, startNs: nowNs - 70_000_000_000n })) {
    await post(url, token, body, fetchImpl);
    requests++;
  }
  return { traceId, spans, requests, seconds: (performance.now() - started) / 1000 };
}
