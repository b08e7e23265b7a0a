import { setTimeout as sleep } from "node:timers/promises";
import { TOKENS, type Answer, type AppInstance } from "./app-instances";
import { ingestRequest, type TestSpan, type WireFormat } from "./workload";

/** Answers after which a client sends the same body again (ingest is idempotent): overload and refused connections. */
const RETRIED_STATUSES = new Set([429, 503]);
const RETRY_PAUSE_MS = 100;
const MAX_ATTEMPTS = 50;

/** Why a 2xx answer does not acknowledge every span it carried, or null when it does. */
function notAllAccepted(format: WireFormat, answer: Answer, sent: number): string | null {
  if (format === "zipkin") return answer.status === 202 ? null : `status ${answer.status}`;
  if (format === "native") {
    const { accepted, rejected } = answer.json<{ accepted: number; rejected: number }>();
    return answer.status === 202 && accepted === sent && rejected === 0 ? null : `status ${answer.status}, ${accepted} of ${sent} accepted`;
  }
  const { partialSuccess } = answer.json<{ partialSuccess?: { rejectedSpans: string } }>();
  return answer.status === 200 && Number(partialSuccess?.rejectedSpans ?? 0) === 0 ? null : `status ${answer.status}, ${answer.text}`;
}

/**
 * Sends `spans` to `instance` in `format` until it is acknowledged, again after a 429, a
 * 503 or a failed connection; resolves once every span is acknowledged, and throws when
 * the answer is any other status or refuses a span.
 */
export async function sendUntilAcknowledged(instance: AppInstance, format: WireFormat, spans: readonly TestSpan[]): Promise<void> {
  const { path, body } = ingestRequest(format, spans);
  for (let attempt = 1; ; attempt++) {
    let answer: Answer | null = null;
    try {
      answer = await instance.post(path, body, TOKENS.ingest);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`${instance.name} ${path}: ${(error as Error).message}`);
    }
    if (answer && !RETRIED_STATUSES.has(answer.status)) {
      const problem = notAllAccepted(format, answer, spans.length);
      if (problem) throw new Error(`${instance.name} ${path} did not acknowledge ${spans.length} spans: ${problem}`);
      return;
    }
    if (attempt >= MAX_ATTEMPTS) throw new Error(`${instance.name} ${path} still answered ${answer?.status} after ${attempt} attempts`);
    await sleep(RETRY_PAUSE_MS);
  }
}
