// Command-line options: node's parseArgs for the flags, zod for the values.
import { parseArgs } from "node:util";
import { z } from "zod";

export const USAGE = `Usage: npm run demo -- [options]

Sends realistic demo traces to Traceboard's OTLP endpoint (POST /v1/traces) with the
OpenTelemetry JS SDK: one TracerProvider per service of a small shop; then records the
shop's audit events, linked to those traces, through POST /api/tracing/audit.

Options:
  --traces N     traces to send (default 300)
  --hours H      spread them over the last H hours (default 6, at most 168)
  --seed S       any word or number; the same seed sends the same traces (default: random)
  --url URL      Traceboard base URL (default http://localhost:$PORT, PORT defaulting to 3000)
  --token T      bearer token for ingest (default: $TRACEBOARD_INGEST_TOKEN)
  --admin-token T  bearer token for recording the demo's audit events (default: $TRACEBOARD_ADMIN_TOKEN)
  --json         send OTLP/HTTP JSON instead of protobuf
  --if-empty     do nothing when the store already holds spans
  --big-trace N  also send one trace of N spans (up to 1,000,000; e.g. 200000), in
                 OTLP/JSON batches of 10,000 spans; its id is printed
  -h, --help     show this help`;

export const DemoOptions = z.object({
  traces: z.coerce.number().int().min(1).max(100_000),
  /** At most the default retention (168 h), so the data is not deleted as it arrives. */
  hours: z.coerce.number().min(0.1).max(168),
  seed: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, "")),
  token: z.string().min(1).optional(),
  adminToken: z.string().min(1).optional(),
  protocol: z.enum(["protobuf", "json"]),
  ifEmpty: z.boolean(),
  bigTrace: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

export type DemoOptions = z.infer<typeof DemoOptions>;

export type DemoCommand =
  | { kind: "run"; options: DemoOptions }
  | { kind: "help" }
  | { kind: "error"; message: string };

const FLAGS: Record<string, string> = { ifEmpty: "--if-empty", protocol: "--json", adminToken: "--admin-token", bigTrace: "--big-trace" };

function flagOf(path: readonly PropertyKey[]): string {
  const key = String(path[0] ?? "");
  return FLAGS[key] ?? `--${key}`;
}

export function parseDemoArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  randomSeed: () => string,
): DemoCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        traces: { type: "string" },
        hours: { type: "string" },
        seed: { type: "string" },
        url: { type: "string" },
        token: { type: "string" },
        "admin-token": { type: "string" },
        json: { type: "boolean" },
        "if-empty": { type: "boolean" },
        "big-trace": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: (error as Error).message };
  }
  if (values.help) return { kind: "help" };

  const parsed = DemoOptions.safeParse({
    traces: values.traces ?? "300",
    hours: values.hours ?? "6",
    seed: values.seed ?? randomSeed(),
    url: values.url ?? `http://localhost:${env.PORT || "3000"}`,
    token: values.token || env.TRACEBOARD_INGEST_TOKEN || undefined,
    adminToken: values["admin-token"] || env.TRACEBOARD_ADMIN_TOKEN || undefined,
    protocol: values.json ? "json" : "protobuf",
    ifEmpty: values["if-empty"] ?? false,
    bigTrace: values["big-trace"],
  });
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${flagOf(issue.path)}: ${issue.message}`).join("; ");
    return { kind: "error", message };
  }
  return { kind: "run", options: parsed.data };
}
