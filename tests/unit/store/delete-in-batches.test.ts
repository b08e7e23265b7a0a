import { describe, expect, it, vi } from "vitest";
import { deleteInBatches } from "@/lib/store/delete-in-batches";

describe("deleteInBatches", () => {
  it("repeatsUntilABatchComesBackShort_andAddsUp", async () => {
    const batches = [
      { spans: 3, traces: 1 },
      { spans: 3, traces: 0 },
      { spans: 1, traces: 2 },
    ];
    const deleteBatch = vi.fn(() => batches.shift()!);
    await expect(deleteInBatches(deleteBatch, 10n, 3)).resolves.toEqual({ spans: 7, traces: 3 });
    expect(deleteBatch).toHaveBeenCalledTimes(3);
    expect(deleteBatch).toHaveBeenCalledWith(10n, 3);
  });

  it("nothingOld_oneBatch", async () => {
    const deleteBatch = vi.fn(async () => ({ spans: 0, traces: 0 }));
    await expect(deleteInBatches(deleteBatch, 10n, 100)).resolves.toEqual({ spans: 0, traces: 0 });
    expect(deleteBatch).toHaveBeenCalledTimes(1);
  });

  it.each([0, -1, 1.5, Number.NaN])("batchSize_%s_rejected", async (batchSize) => {
    await expect(deleteInBatches(() => ({ spans: 0, traces: 0 }), 10n, batchSize)).rejects.toThrow(RangeError);
  });
});
