import { describe, expect, it } from "vitest";
import { RecordAuditEventBody } from "@/lib/api/contracts/audit";
import { demoEngagementId, planAuditEvents, type DemoAuditEvent, type EmittedRun } from "@/scripts/demo/audit-plan";
import { createRandom } from "@/scripts/demo/random";
import { scheduleRuns } from "@/scripts/demo/schedule";

const traceIdOf = (index: number) => (index + 1).toString(16).padStart(32, "a");

/** The runs of a scheduled demo, each with one trace id per trace it emits. */
function emittedRuns(seed: string, traces: number): EmittedRun[] {
  let next = 0;
  return scheduleRuns(createRandom(seed), traces).map((run) => ({
    scenario: run.scenario.name,
    traceIds: Array.from({ length: run.scenario.traces }, () => traceIdOf(next++)),
  }));
}

function plan(seed: string, traces: number): { runs: EmittedRun[]; events: DemoAuditEvent[] } {
  const runs = emittedRuns(seed, traces);
  return { runs, events: planAuditEvents(createRandom(seed).fork("audit"), runs, demoEngagementId(seed)) };
}

describe("planAuditEvents", () => {
  const { runs, events } = plan("story", 300);

  it("every_event_is_a_valid_audit_body_linked_to_a_run_trace", () => {
    const traceIds = new Set(runs.flatMap((run) => run.traceIds));
    for (const event of events) {
      expect(RecordAuditEventBody.safeParse(event).success, JSON.stringify(event)).toBe(true);
      expect(traceIds.has(event.traceId)).toBe(true);
      expect(event.engagementId).toBe("eng_shop-demo-story");
    }
  });

  it("tells_a_story_with_every_kind_of_event_the_issue_asks_for", () => {
    const count = (action: string) => events.filter((event) => event.action === action).length;
    expect(count("login")).toBeGreaterThan(1);
    expect(count("logout")).toBe(count("login"));
    expect(count("access_denied")).toBe(1);
    expect(count("export")).toBe(1);
    expect(count("import")).toBe(runs.filter((run) => run.scenario === "batch-import").length);
    expect(count("create")).toBe(runs.filter((run) => run.scenario === "checkout").length);
    const updates = events.filter((event) => event.action === "update");
    expect(updates.length).toBeGreaterThan(3);
    for (const update of updates) {
      expect(update.before).toBeDefined();
      expect(update.after).toBeDefined();
      expect(update.after).not.toEqual(update.before);
    }
    expect(new Set(events.map((event) => event.userId)).size).toBeGreaterThanOrEqual(5);
  });

  it("each_session_starts_with_its_login_and_ends_with_its_logout", () => {
    const sessions = new Map<string, DemoAuditEvent[]>();
    for (const event of events.filter((e) => e.sessionId)) sessions.set(event.sessionId!, [...(sessions.get(event.sessionId!) ?? []), event]);
    expect(sessions.size).toBeGreaterThan(1);
    for (const sessionEvents of sessions.values()) {
      expect(sessionEvents[0].action).toBe("login");
      expect(sessionEvents[sessionEvents.length - 1].action).toBe("logout");
      expect(new Set(sessionEvents.map((event) => event.userId)).size).toBe(1);
    }
  });

  it("same_seed_same_events_other_seed_other_events", () => {
    expect(plan("story", 300).events).toEqual(events);
    expect(plan("other", 300).events).not.toEqual(events);
  });

  it.each([1, 3, 12])("a_short_run_of_%i_traces_still_has_the_access_denied_and_the_export", (traces) => {
    const short = plan("short", traces).events;
    expect(short.map((event) => event.action)).toEqual(expect.arrayContaining(["login", "access_denied", "export", "logout"]));
  });
});
