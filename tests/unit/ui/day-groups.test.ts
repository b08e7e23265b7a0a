import { describe, expect, it } from "vitest";
import { dayHeading, groupByDay } from "@/lib/ui/audit/day-groups";

const at = (iso: string, id: string) => ({ id, ms: Date.parse(iso) });

describe("groupByDay", () => {
  const events = [
    at("2026-11-24T09:00:00Z", "old"),
    at("2026-11-26T08:00:00Z", "today-early"),
    at("2026-11-26T17:30:00Z", "today-late"),
    at("2026-11-25T23:30:00Z", "late-evening"),
  ];

  it("groups by UTC day, newest day and newest event first", () => {
    const groups = groupByDay(events, (event) => event.ms, "UTC");
    expect(groups.map((group) => [group.day, group.events.map((event) => event.id)])).toEqual([
      ["2026-11-26", ["today-late", "today-early"]],
      ["2026-11-25", ["late-evening"]],
      ["2026-11-24", ["old"]],
    ]);
  });

  it("uses the calendar day of the given time zone", () => {
    // 23:30 UTC on the 25th is already the 26th in Berlin (UTC+1 in November).
    const groups = groupByDay(events, (event) => event.ms, "Europe/Berlin");
    expect(groups[0]).toEqual({ day: "2026-11-26", events: [events[2], events[1], events[3]] });
  });

  it("keeps input order for events at the same instant", () => {
    const same = [at("2026-11-26T10:00:00Z", "first"), at("2026-11-26T10:00:00Z", "second")];
    expect(groupByDay(same, (event) => event.ms, "UTC")[0].events.map((event) => event.id)).toEqual(["first", "second"]);
  });

  it("returns no groups for no events", () => {
    expect(groupByDay([], () => 0)).toEqual([]);
  });
});

describe("dayHeading", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  it.each([
    { day: "2026-11-26", heading: "Today" },
    { day: "2026-11-25", heading: "Yesterday" },
    { day: "2026-11-24", heading: "Tuesday, November 24, 2026" },
  ])("$day -> $heading", ({ day, heading }) => {
    expect(dayHeading(day, now, "UTC")).toBe(heading);
  });

  it("finds yesterday across a daylight-saving change", () => {
    // 2026-03-29 is 23 hours long in Berlin; just after midnight on the 30th, yesterday is the 29th.
    expect(dayHeading("2026-03-29", Date.parse("2026-03-29T22:30:00Z"), "Europe/Berlin")).toBe("Yesterday");
  });
});
