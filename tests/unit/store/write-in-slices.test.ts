import { describe, expect, it } from "vitest";
import type { SpanRecord } from "@/lib/domain/span-record";
import type { WriteResult } from "@/lib/store/span-store-contract";
import { writeInSlices } from "@/lib/store/write-in-slices";

const spans = (count: number) => Array.from({ length: count }, (_, i) => ({ spanId: String(i) }) as unknown as SpanRecord);

describe("writeInSlices", () => {
  it("a_write_within_one_slice_is_passed_through_whole", async () => {
    const calls: number[] = [];
    const result = { inserted: 3, duplicates: 0, conflicts: [] };
    await expect(writeInSlices(spans(3), 3, async (slice) => (calls.push(slice.length), result))).resolves.toBe(result);
    expect(calls).toEqual([3]);
  });

  it("slices_are_written_in_order_one_after_another_and_their_results_merged", async () => {
    const order: string[] = [];
    let writing = false;
    const writeSlice = async (slice: readonly SpanRecord[]): Promise<WriteResult> => {
      expect(writing).toBe(false);
      writing = true;
      await new Promise((resolve) => setTimeout(resolve, 1));
      writing = false;
      order.push(slice.map((span) => span.spanId).join(","));
      // The last span of each slice is a conflicting duplicate.
      return { inserted: slice.length - 1, duplicates: 1, conflicts: [slice.length - 1] };
    };
    await expect(writeInSlices(spans(7), 3, writeSlice)).resolves.toEqual({ inserted: 4, duplicates: 3, conflicts: [2, 5, 6] });
    expect(order).toEqual(["0,1,2", "3,4,5", "6"]);
  });

  it("a_failed_slice_fails_the_write_and_later_slices_are_not_sent", async () => {
    const sent: number[] = [];
    const failing = async (slice: readonly SpanRecord[]): Promise<WriteResult> => {
      sent.push(slice.length);
      if (sent.length === 2) throw new Error("database went away");
      return { inserted: slice.length, duplicates: 0, conflicts: [] };
    };
    await expect(writeInSlices(spans(9), 3, failing)).rejects.toThrow("database went away");
    expect(sent).toEqual([3, 3]);
  });
});
