import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/collector/ingest/ingest-errors";
import { IngestQueue, type SpanWriter } from "@/lib/collector/ingest/ingest-queue";
import type { SpanRecord } from "@/lib/domain/span-record";

function spans(count: number, prefix = "a"): SpanRecord[] {
  return Array.from({ length: count }, (_, i) => ({ spanId: `${prefix}${i}` }) as SpanRecord);
}

/** A writer whose commits the test releases by hand, recording each batch. */
function manualWriter() {
  const batches: SpanRecord[][] = [];
  const releases: Array<(ok: boolean) => void> = [];
  const writer: SpanWriter = {
    writeSpans: (batch) =>
      new Promise((resolve, reject) => {
        batches.push([...batch]);
        releases.push((ok) => (ok ? resolve({ inserted: batch.length, duplicates: 0, conflicts: [] }) : reject(new Error("disk on fire"))));
      }),
  };
  const releaseNext = async (ok = true) => {
    while (releases.length === 0) await new Promise((r) => setImmediate(r));
    releases.shift()!(ok);
  };
  return { writer, batches, releaseNext };
}

describe("IngestQueue", () => {
  it("resolves a submit only after its spans are committed", async () => {
    const { writer, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 100 });
    let committed = false;
    const done = queue.submit(spans(3)).then(() => (committed = true));
    await new Promise((r) => setImmediate(r));
    expect(committed).toBe(false);
    await releaseNext();
    await done;
    expect(committed).toBe(true);
    expect(queue.stats()).toMatchObject({ accepted: 3, queueDepth: 0, batches: 1, dropped: 0 });
  });

  it("group-commits requests that arrive while a transaction runs", async () => {
    const { writer, batches, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 100 });
    const first = queue.submit(spans(2, "a"));
    await new Promise((r) => setImmediate(r));
    const waiting = [queue.submit(spans(3, "b")), queue.submit(spans(4, "c"))];
    await releaseNext();
    await first;
    await releaseNext();
    await Promise.all(waiting);
    expect(batches.map((b) => b.length)).toEqual([2, 7]);
  });

  it("splits the waiting requests into batches of at most maxBatchSpans, never splitting a request", async () => {
    const { writer, batches, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 5 });
    const all = [queue.submit(spans(3)), queue.submit(spans(3)), queue.submit(spans(7))];
    for (let i = 0; i < 3; i++) await releaseNext();
    await Promise.all(all);
    expect(batches.map((b) => b.length)).toEqual([3, 3, 7]);
  });

  it("refuses with a 503 and Retry-After when the queue is full, and counts it", async () => {
    const { writer, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 5, maxBatchSpans: 5, retryAfterSeconds: 2 });
    const accepted = queue.submit(spans(4));
    const refused = queue.submit(spans(2));
    await expect(refused).rejects.toMatchObject({ status: 503, retryAfterSeconds: 2 });
    await releaseNext();
    await accepted;
    expect(queue.stats()).toMatchObject({ accepted: 4, refused: 2, dropped: 0 });
  });

  it("accepts one oversized request when the queue is empty", async () => {
    const { writer, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 5, maxBatchSpans: 5 });
    const done = queue.submit(spans(8));
    await releaseNext();
    await expect(done).resolves.toEqual({ conflicts: 0 });
  });

  it("fails every request of a batch with 503 when the store fails, and keeps serving after", async () => {
    const { writer, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 100 });
    const failing = queue.submit(spans(2));
    await releaseNext(false);
    const error = await failing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ status: 503 });
    const next = queue.submit(spans(1));
    await releaseNext();
    await expect(next).resolves.toEqual({ conflicts: 0 });
    expect(queue.stats()).toMatchObject({ accepted: 1, refused: 2, queueDepth: 0 });
  });

  it("close() commits everything accepted, then refuses new spans", async () => {
    const { writer, releaseNext } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 100 });
    const accepted = queue.submit(spans(3));
    const closing = queue.close();
    await expect(queue.submit(spans(1))).rejects.toMatchObject({ status: 503 });
    await releaseNext();
    await closing;
    await accepted;
    expect(queue.stats()).toMatchObject({ accepted: 3, queueDepth: 0 });
  });

  it("tells each request of a group commit its own conflicts", async () => {
    // The store reports positions in the batch; requests of 2, 3 and 1 spans laid end to end.
    const writer: SpanWriter = { writeSpans: async (batch) => ({ inserted: batch.length - 3, duplicates: 3, conflicts: [1, 2, 4] }) };
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 100 });
    const answers = Promise.all([queue.submit(spans(2, "a")), queue.submit(spans(3, "b")), queue.submit(spans(1, "c"))]);
    await expect(answers).resolves.toEqual([{ conflicts: 1 }, { conflicts: 2 }, { conflicts: 0 }]);
    expect(queue.stats()).toMatchObject({ accepted: 3, duplicates: 3, conflicts: 3 });
  });

  it("an empty submit resolves without touching the store", async () => {
    const { writer, batches } = manualWriter();
    const queue = new IngestQueue(writer, { maxQueuedSpans: 1, maxBatchSpans: 1 });
    await queue.submit([]);
    expect(batches).toHaveLength(0);
  });
});

describe("IngestQueue isolation", () => {
  it("commits the other requests of a batch when one request's spans make the transaction fail", async () => {
    const written: string[][] = [];
    let hold: (() => void) | undefined;
    const writer: SpanWriter = {
      async writeSpans(batch) {
        if (written.length === 0 && !hold) await new Promise<void>((resolve) => (hold = resolve));
        if (batch.some((span) => span.spanId.startsWith("bad"))) throw new Error("value out of range");
        written.push(batch.map((span) => span.spanId));
        return { inserted: batch.length, duplicates: 0, conflicts: [] };
      },
    };
    const queue = new IngestQueue(writer, { maxQueuedSpans: 100, maxBatchSpans: 100 });
    const first = queue.submit(spans(1, "first"));
    await new Promise((r) => setImmediate(r));
    const good = queue.submit(spans(2, "good"));
    const bad = queue.submit(spans(1, "bad"));
    hold!();
    await first;
    await expect(good).resolves.toEqual({ conflicts: 0 });
    await expect(bad).rejects.toMatchObject({ status: 503 });
    expect(written).toEqual([["first0"], ["good0", "good1"]]);
    expect(queue.stats()).toMatchObject({ accepted: 3, refused: 1, queueDepth: 0 });
  });
});
