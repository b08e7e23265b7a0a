import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/store/database-target";
import { createDb, type Db } from "@/lib/store/db";
import { claimRetentionPeriod } from "@/lib/store/retention-claim";
import { STORE_TARGETS, type OpenStore } from "./support/store-targets";

const PERIOD_NS = 600_000_000_000n;
const T0 = 1_700_000_400_000_000_000n;

describe.each(STORE_TARGETS)("retention claim on $provider", ({ provider, skipReason, open }) => {
  describe.skipIf(skipReason !== null)(skipReason ?? provider, () => {
    let target: OpenStore;
    /** Three Prisma clients with their own connections stand for three app instances. */
    let instances: Db[];

    beforeAll(async () => {
      target = await open();
      instances = [target.db, createDb(resolveDatabaseTarget(target.url)), createDb(resolveDatabaseTarget(target.url))];
    });
    afterAll(async () => {
      await Promise.all(instances?.slice(1).map((db) => db.$disconnect()) ?? []);
      await target?.dispose();
    });

    it("period_claimedOnce_neverAgainNorAnEarlierOne", async () => {
      expect(await claimRetentionPeriod(T0, target.db)).toBe(true);
      expect(await claimRetentionPeriod(T0, target.db)).toBe(false);
      expect(await claimRetentionPeriod(T0 - PERIOD_NS, target.db)).toBe(false);
      expect(await claimRetentionPeriod(T0 + PERIOD_NS, target.db)).toBe(true);
    });

    it("instancesClaimingTogether_exactlyOneWinsEachPeriod", async () => {
      const periods = Array.from({ length: 8 }, (_, index) => T0 + BigInt(index + 2) * PERIOD_NS);
      for (const period of periods) {
        // Each instance asks twice, as two timers of one process could.
        const claims = await Promise.all([...instances, ...instances].map((db) => claimRetentionPeriod(period, db)));
        expect(claims.filter(Boolean)).toHaveLength(1);
      }
      const row = await target.db.retentionSchedule.findUniqueOrThrow({ where: { id: 1 } });
      expect(row.periodStartNs).toBe(periods.at(-1));
    });
  });
});
