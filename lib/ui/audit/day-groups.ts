/** Audit events grouped by calendar day for the timeline. Pure. */

export interface DayGroup<T> {
  /** `YYYY-MM-DD` in the given time zone. */
  day: string;
  events: T[];
}

function dayFormatter(timeZone?: string): Intl.DateTimeFormat {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
}

/**
 * Groups events by the day of `timeMs(event)` in `timeZone` (the browser's when not
 * given), days newest first and events newest first inside a day; events at the same
 * instant keep their input order.
 */
export function groupByDay<T>(events: readonly T[], timeMs: (event: T) => number, timeZone?: string): DayGroup<T>[] {
  const format = dayFormatter(timeZone);
  const sorted = events.map((event, index) => ({ event, index, at: timeMs(event) })).sort((a, b) => b.at - a.at || a.index - b.index);
  const groups: DayGroup<T>[] = [];
  for (const { event, at } of sorted) {
    const day = format.format(new Date(at));
    const last = groups[groups.length - 1];
    if (last?.day === day) last.events.push(event);
    else groups.push({ day, events: [event] });
  }
  return groups;
}

function utcMidnight(day: string): number {
  const [year, month, date] = day.split("-").map(Number);
  return Date.UTC(year, month - 1, date);
}

/** "Today", "Yesterday" or a long date for a `YYYY-MM-DD` day heading. */
export function dayHeading(day: string, nowMs: number = Date.now(), timeZone?: string): string {
  const today = dayFormatter(timeZone).format(new Date(nowMs));
  if (day === today) return "Today";
  if (day === new Date(utcMidnight(today) - 86_400_000).toISOString().slice(0, 10)) return "Yesterday";
  return new Date(utcMidnight(day)).toLocaleDateString("en-US", { timeZone: "UTC", weekday: "long", year: "numeric", month: "long", day: "numeric" });
}
