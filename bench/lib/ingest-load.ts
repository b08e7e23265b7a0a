// Closed-loop ingest load: N clients over keep-alive connections, each posting the next
// body as soon as its previous one is answered. Only 2xx answers count as ingested
// spans; 503s (queue full, Retry-After) and other failures are counted apart.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { SendResult } from "./ingest-transports";

const REQUEST_TIMEOUT_MS = 60_000;
/** A refused client waits this long before its next body (servers send Retry-After: 1; waiting that long would idle the run). */
const PAUSE_AFTER_503_MS = 50;
const FAILURE_SAMPLES = 5;

export interface PostResult {
  status: number;
  body: string;
  /** The body as received (a protobuf answer is not text). */
  bytes: Buffer;
  retryAfter: string | null;
}

/** One request, on `agent`'s keep-alive sockets. */
export function post(agent: http.Agent, url: URL, body: Buffer, headers: Record<string, string> = {}): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": String(body.length), ...headers },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            body: bytes.toString("utf8"),
            bytes,
            retryAfter: (response.headers["retry-after"] as string | undefined) ?? null,
          });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on("error", reject);
    request.end(body);
  });
}

/** Spans of a 2xx OTLP JSON answer that the server did not reject (`partialSuccess.rejectedSpans`). */
export function acceptedSpans(sent: number, answer: string): { accepted: number; rejected: number } {
  let rejected = 0;
  try {
    const parsed = JSON.parse(answer) as { partialSuccess?: { rejectedSpans?: string | number } };
    rejected = Number(parsed.partialSuccess?.rejectedSpans ?? 0);
  } catch {
    // An unreadable 2xx answer still acknowledges the batch.
  }
  return { accepted: sent - rejected, rejected };
}

export interface LoadTotals {
  /** Spans in 2xx answers, less any the server rejected as invalid. */
  acknowledgedSpans: number;
  acknowledgedRequests: number;
  rejectedSpans: number;
  refused503Requests: number;
  refused503Spans: number;
  /** Other statuses, timeouts and socket errors. */
  failedRequests: number;
  failureSamples: string[];
  /** Latencies of the 2xx requests, milliseconds. */
  latenciesMs: number[];
  /** From the first request sent to the last answer received. */
  seconds: number;
}

export interface LoadOptions<Recipe> {
  /** Sends the body a recipe stands for (ingest-transports.ts); `client` is the sending loop's number. */
  send(recipe: Recipe, client: number): Promise<SendResult>;
  clients: number;
  seconds: number;
  /** A new body description; called before each request. */
  nextRecipe(): Recipe;
  spansIn(recipe: Recipe): number;
  /** Called for every acknowledged body (the caller keeps it to replay later). */
  onAcknowledged(recipe: Recipe, spans: number): void;
}

/**
 * Runs `clients` closed loops for `seconds`; a client sends nothing new after the
 * deadline, and the run ends when every answer is in (no request is abandoned).
 */
export async function runIngestLoad<Recipe>(options: LoadOptions<Recipe>): Promise<LoadTotals> {
  const totals: LoadTotals = {
    acknowledgedSpans: 0,
    acknowledgedRequests: 0,
    rejectedSpans: 0,
    refused503Requests: 0,
    refused503Spans: 0,
    failedRequests: 0,
    failureSamples: [],
    latenciesMs: [],
    seconds: 0,
  };
  const noteFailure = (message: string) => {
    totals.failedRequests += 1;
    if (totals.failureSamples.length < FAILURE_SAMPLES) totals.failureSamples.push(message);
  };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const client = async (number: number) => {
    while (performance.now() < deadline) {
      const recipe = options.nextRecipe();
      const spans = options.spansIn(recipe);
      const sent = performance.now();
      try {
        const answer = await options.send(recipe, number);
        const latency = performance.now() - sent;
        if (answer.kind === "acknowledged") {
          const accepted = spans - answer.rejectedSpans;
          totals.acknowledgedSpans += accepted;
          totals.rejectedSpans += answer.rejectedSpans;
          totals.acknowledgedRequests += 1;
          totals.latenciesMs.push(latency);
          options.onAcknowledged(recipe, accepted);
        } else if (answer.kind === "refused") {
          totals.refused503Requests += 1;
          totals.refused503Spans += spans;
          await sleep(PAUSE_AFTER_503_MS);
        } else {
          noteFailure(answer.message);
        }
      } catch (error) {
        noteFailure(error instanceof Error ? error.message : String(error));
      }
    }
  };

  await Promise.all(Array.from({ length: options.clients }, (_, number) => client(number)));
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
