import { expect } from "vitest";
import type { AuditEvent, RecordAuditEventBody } from "@/lib/api/contracts/audit";
import type { TestApp } from "../support/test-app";

export type { AuditEvent };

export interface AuditPage {
  events: AuditEvent[];
  nextCursor: string | null;
}

export type AuditInput = Partial<Omit<RecordAuditEventBody, "action">> & { action: string };

/** POSTs one event and returns it as stored (fails the test unless 201). */
export async function record(app: TestApp, body: AuditInput, headers: Record<string, string> = {}): Promise<AuditEvent> {
  const answer = await app.postJson("/api/tracing/audit", body, headers);
  expect(answer.status, answer.body.toString()).toBe(201);
  return answer.json() as AuditEvent;
}

/** GETs `path` and returns its JSON body (fails the test unless `status`). */
export async function getJson<T>(app: TestApp, path: string, status = 200): Promise<T> {
  const answer = await app.send(path);
  expect(answer.status, answer.body.toString()).toBe(status);
  return answer.json() as T;
}

/** Every event of a listing, following nextCursor with `limit` per page; fails on a repeated cursor. */
export async function walkPages(app: TestApp, path: string, limit: number): Promise<{ events: AuditEvent[]; pages: number }> {
  const events: AuditEvent[] = [];
  const cursors = new Set<string>();
  const separator = path.includes("?") ? "&" : "?";
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: AuditPage = await getJson<AuditPage>(app, `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.events.length).toBeLessThanOrEqual(limit);
    events.push(...page.events);
    pages += 1;
    cursor = page.nextCursor;
    if (cursor !== null) {
      expect(cursors.has(cursor)).toBe(false);
      cursors.add(cursor);
    }
  } while (cursor !== null);
  return { events, pages };
}

export function seqs(events: readonly AuditEvent[]): number[] {
  return events.map((event) => event.seq);
}

/** A label unique to this run, so events of one test cannot match another's filters. */
export function uniqueLabel(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
