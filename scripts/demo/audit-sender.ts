// Records the demo's audit events through POST /api/tracing/audit, one at a time so
// the chain holds them in story order.
import type { DemoAuditEvent } from "./audit-plan";

export interface AuditTally {
  recorded: number;
  /** Events not recorded: the failed one and those after it (sending stops at the first failure). */
  failed: number;
  errors: string[];
}

const REQUEST_TIMEOUT_MS = 10_000;

function failure(url: string, status: number, body: string): string {
  const hint = status === 401 ? " (the server sets TRACEBOARD_ADMIN_TOKEN: pass --admin-token)" : "";
  return `POST ${url} answered ${status}${hint}: ${body.slice(0, 300)}`;
}

export async function sendAuditEvents(
  url: string,
  events: readonly DemoAuditEvent[],
  adminToken: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<AuditTally> {
  const tally: AuditTally = { recorded: 0, failed: 0, errors: [] };
  const headers = { "content-type": "application/json", ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}) };
  for (const event of events) {
    let error: string | null = null;
    try {
      const response = await fetchImpl(url, { method: "POST", headers, body: JSON.stringify(event), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      if (response.status !== 201) error = failure(url, response.status, await response.text().catch(() => ""));
    } catch (thrown) {
      error = `POST ${url} failed: ${(thrown as Error).message}`;
    }
    if (error) {
      tally.failed = events.length - tally.recorded;
      tally.errors.push(error);
      break;
    }
    tally.recorded += 1;
  }
  return tally;
}
