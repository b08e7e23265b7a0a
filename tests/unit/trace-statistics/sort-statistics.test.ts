import { describe, expect, it } from "vitest";
import { groupStatistics } from "@/lib/trace-statistics/group-statistics";
import { firstLines, sortStatistics } from "@/lib/trace-statistics/sort-statistics";
import { CHECKOUT, fixtureTrace } from "./trace-fixture";

const groups = groupStatistics(fixtureTrace(CHECKOUT), { kind: "service-operation" });
const labels = (list: ReadonlyArray<{ label: string }>) => list.map((group) => group.label);

describe("sortStatistics", () => {
  it("sorts the services and the operations under each by the same column", () => {
    const sorted = sortStatistics(groups, { key: "selfMs", dir: "desc" });
    expect(labels(sorted)).toEqual(["cart", "gateway", "payments", "auth", "frontend"]);
    expect(labels(sorted[0].operations!)).toEqual(["SELECT cart_items", "load cart"]);
    const ascending = sortStatistics(groups, { key: "selfMs", dir: "asc" });
    expect(labels(ascending)).toEqual(["frontend", "auth", "payments", "gateway", "cart"]);
    expect(labels(ascending[2].operations!)).toEqual(["charge card", "fraud check"]);
  });

  it("sorts by name, and by count keeping ties in waterfall order", () => {
    expect(labels(sortStatistics(groups, { key: "name", dir: "asc" }))).toEqual(["auth", "cart", "frontend", "gateway", "payments"]);
    expect(labels(sortStatistics(groups, { key: "count", dir: "desc" }))).toEqual(["cart", "payments", "frontend", "auth", "gateway"]);
  });

  it("leaves its input alone", () => {
    sortStatistics(groups, { key: "name", dir: "desc" });
    expect(labels(groups)).toEqual(["frontend", "auth", "cart", "payments", "gateway"]);
  });
});

describe("firstLines", () => {
  it("counts a service and each of its operations as a line", () => {
    // frontend + 1, auth + 1, cart + 2 = 7 lines; the budget of 6 leaves out cart's second operation and the rest.
    const { groups: shown, hidden } = firstLines(groups, 6);
    expect(labels(shown)).toEqual(["frontend", "auth", "cart"]);
    expect(labels(shown[2].operations!)).toEqual(["load cart"]);
    expect(hidden).toBe(1 + (1 + 2) + (1 + 1));
  });

  it("keeps everything under the budget", () => {
    expect(firstLines(groups, 100)).toEqual({ groups, hidden: 0 });
  });
});
