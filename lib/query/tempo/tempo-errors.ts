import type { InputIssue } from "@/lib/api/define-route";
import { routeOptionsOf } from "../compat/route-options";

/** An error as Tempo answers it: the message as plain text. */
export function tempoErrorResponse(status: number, message: string, headers: HeadersInit = {}): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
}

/** What Tempo calls a parameter in its 400s when the issue does not name it already. */
const PARAMETER_NAMES: Record<string, string> = { q: "TraceQL query", traceID: "traceID", tag: "tagName" };

/** Messages already worded as Tempo words them (tempo-params.ts, tempo-trace-id.ts). */
const TEMPO_WORDED = /^(invalid |trace IDs |please provide |http parameter |limit |spans per span set )/;

/** A 400's issues in Tempo's words: `invalid start: ...`, `invalid TraceQL query: ...`. */
function tempoMessage(_summary: string, issues: InputIssue[]): string {
  return issues
    .map(({ path, message }) => (!path || TEMPO_WORDED.test(message) ? message : `invalid ${PARAMETER_NAMES[path] ?? path}: ${message}`))
    .join("; ");
}

export const TEMPO_ROUTE_OPTIONS = routeOptionsOf(tempoErrorResponse, tempoMessage);
