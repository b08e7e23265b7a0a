import { describe, expect, it } from "vitest";
import { asIngestError, IngestError } from "@/lib/collector/ingest/ingest-errors";
import { TooManySpansError } from "@/lib/collector/normalize";

/** A copy of the class as another server bundle holds it: same name and shape, another identity. */
class OtherBundlesIngestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "IngestError";
  }
}

describe("asIngestError", () => {
  it("ingestErrorOfAnotherBundle_keptWithStatusAndRetryAfter", () => {
    const refused = asIngestError(new OtherBundlesIngestError(503, "queue is full", 1));
    expect(refused).toMatchObject({ status: 503, message: "queue is full", retryAfterSeconds: 1 });
  });

  it.each([
    ["own IngestError", new IngestError(429, "slow down", 2), 429],
    ["too many spans", new TooManySpansError(60_000, 50_000), 413],
    ["malformed document", Object.assign(new Error("bad"), { name: "IngestFormatError" }), 400],
    ["JSON syntax", new SyntaxError("Unexpected token"), 400],
  ])("%s_refusedWith%s", (_name, error, status) => {
    expect(asIngestError(error)?.status).toBe(status);
  });

  it.each([new Error("disk full"), Object.assign(new Error("x"), { name: "IngestError" }), "text"])("notTheClients_%s_null", (error) => {
    expect(asIngestError(error)).toBeNull();
  });
});
