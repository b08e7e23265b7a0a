import "server-only";
import { tracedFetch } from "@/lib/tracing/traced-fetch";
import type { PropagationTestItem } from "./schema";

const CALLBACK_TIMEOUT_MS = 5_000;

export type CallbackResult = { url: string; status: number } | { url: string; error: string };

/**
 * Makes each callback in order, before answering: POST `arguments` (default `[]`) as
 * JSON, carrying the current trace with a new span-id per call.
 */
export async function runCallbacks(items: readonly PropagationTestItem[]): Promise<CallbackResult[]> {
  const results: CallbackResult[] = [];
  for (const item of items) {
    try {
      const response = await tracedFetch(item.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(item.arguments ?? []),
        signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS),
      });
      await response.body?.cancel();
      results.push({ url: item.url, status: response.status });
    } catch (error) {
      results.push({ url: item.url, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
