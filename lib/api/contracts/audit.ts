import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_SEVERITIES } from "@/lib/audit/audit-enums";
import type { JsonValue } from "@/lib/audit/canonical-json";
import { SpanIdParam, TraceIdParam } from "@/lib/query/params/hex-ids";
import { timeWindowShape, windowInOrder, type WindowBounds } from "@/lib/query/params/time-window";
import { defineEndpoint } from "../endpoint";
import { UnixNano } from "./trace-summary";

const TAGS = ["audit"];

export const AuditActionParam = z.enum(AUDIT_ACTIONS);
export const AuditSeverityParam = z.enum(AUDIT_SEVERITIES);

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "Lowercase hex SHA-256" });
const Label = z.string().min(1).max(256);

const MAX_JSON_CHARS = 65_536;

/** Whether `value` is JSON data: null, a string, a finite number, a boolean, or arrays and plain objects of them. */
function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  return typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJsonValue);
}

/**
 * Any JSON value, kept as the request's JSON.parse made it. z.json() rebuilds objects by
 * assignment, which turned a member named "__proto__" into the copy's prototype: the
 * event was stored and hashed without it, and answered 201.
 */
const JsonField = z
  .custom<JsonValue>(isJsonValue, "expected a JSON value")
  .refine((value) => JSON.stringify(value).length <= MAX_JSON_CHARS, `at most ${MAX_JSON_CHARS} characters of JSON`)
  .nullish();

/** The body of POST /api/tracing/audit. Unknown fields are refused (seq, timestamp and hashes are the server's). */
export const RecordAuditEventBody = z.strictObject({
  action: AuditActionParam,
  severity: AuditSeverityParam.default("info"),
  resourceType: Label.nullish(),
  resourceId: Label.nullish(),
  description: z.string().max(4096).nullish(),
  userId: Label.nullish().meta({ description: "The actor; default the X-User-Id request header" }),
  sessionId: Label.nullish(),
  engagementId: Label.nullish(),
  ipAddress: z.union([z.ipv4(), z.ipv6()]).nullish().meta({ description: "Default the first X-Forwarded-For address, else X-Real-IP" }),
  userAgent: z.string().max(1024).nullish().meta({ description: "Default the User-Agent request header" }),
  before: JsonField.meta({ description: "Any JSON value: the resource before the change" }),
  after: JsonField.meta({ description: "Any JSON value: the resource after the change" }),
  metadata: JsonField,
  traceId: TraceIdParam.nullish().meta({ description: "Default the trace of this request (its traceparent, else a new trace)" }),
  spanId: SpanIdParam.nullish().meta({ description: "Only with traceId; without both, this request's trace and server span" }),
})
  // Text the store cannot keep exactly (NUL, lone surrogates) is refused by defineRoute for every body.
  .refine((body) => !body.spanId || body.traceId, { path: ["spanId"], message: "spanId needs a traceId" });
export type RecordAuditEventBody = z.output<typeof RecordAuditEventBody>;

/** One stored audit event, as answered and as hashed (every field but prevHash and hash). */
export const AuditEvent = z.object({
  seq: z.number().int().positive().meta({ description: "Position in the chain: 1, 2, 3, ... without gaps" }),
  timestampUnixNano: UnixNano.meta({ description: "When the server appended the event, unix nanoseconds" }),
  action: AuditActionParam,
  severity: AuditSeverityParam,
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  description: z.string().nullable(),
  userId: z.string().nullable(),
  sessionId: z.string().nullable(),
  engagementId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  before: z.json().nullable(),
  after: z.json().nullable(),
  metadata: z.json().nullable(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  prevHash: Sha256Hex.meta({ description: "The previous event's hash; 64 zeros for seq 1" }),
  hash: Sha256Hex.meta({ description: "SHA-256(prevHash + canonical JSON of the other fields), see lib/audit/chain-hash.ts" }),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

const CursorParam = z
  .string()
  .regex(/^\d{1,10}$/, "expected the nextCursor of a previous page")
  .transform(Number)
  .meta({ description: "The `nextCursor` of the previous page (opaque)" });

export const pageShape = {
  limit: z.coerce.number().int().min(1).max(1000).default(50).meta({ description: "Events per page (1-1000, default 50)" }),
  cursor: CursorParam.optional(),
};

export const AuditPage = z.object({
  events: z.array(AuditEvent).meta({ description: "Newest first" }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
});

/** The exact-match filters of GET /api/tracing/audit; the filtered views take the ones their path does not fix. */
const matchShape = {
  action: AuditActionParam.optional(),
  severity: AuditSeverityParam.optional(),
  resourceType: Label.optional(),
  resourceId: Label.optional(),
  userId: Label.optional(),
  sessionId: Label.optional(),
  engagementId: Label.optional(),
  traceId: TraceIdParam.optional(),
};
type MatchField = keyof typeof matchShape;

/** The list query without the filters in `fixedByPath`; start/end bound the event timestamps (no default window). */
function listQuery<K extends MatchField>(fixedByPath: readonly K[]) {
  const matches: Partial<typeof matchShape> = { ...matchShape };
  for (const field of fixedByPath) delete matches[field];
  const inOrder = windowInOrder();
  // The output type is generic in K here, so TypeScript cannot see start and end in it.
  return z
    .object({ ...(matches as Omit<typeof matchShape, K>), ...timeWindowShape, ...pageShape })
    .superRefine((query, context) => inOrder(query as WindowBounds, context));
}

function listEndpoint<P extends z.ZodType, K extends MatchField>(path: string, summary: string, params: P, fixedByPath: readonly K[]) {
  return defineEndpoint({
    method: "GET",
    path,
    summary,
    tags: TAGS,
    params,
    query: listQuery(fixedByPath),
    response: AuditPage,
    errors: [400],
    access: "read",
  });
}

export const RecordAuditEventEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/tracing/audit",
  summary: "Append an audit event to the hash chain",
  description:
    "Answers the stored event with its seq and hash. The actor, IP address, user agent and trace are taken from the request when the body omits them.",
  tags: TAGS,
  body: RecordAuditEventBody,
  response: AuditEvent,
  successStatus: 201,
  errors: [400, 401, 413],
  access: "admin",
});

export const ListAuditEventsEndpoint = listEndpoint("/api/tracing/audit", "Search audit events, newest first", z.object({}), []);

export const ListAuditEventsOfTraceEndpoint = listEndpoint(
  "/api/tracing/audit/trace/{traceId}",
  "Audit events recorded in one trace",
  z.object({ traceId: TraceIdParam }),
  ["traceId"],
);

export const ListAuditEventsOfUserEndpoint = listEndpoint(
  "/api/tracing/audit/user/{userId}",
  "Audit events of one actor",
  z.object({ userId: Label }),
  ["userId"],
);

export const ListAuditEventsOfSessionEndpoint = listEndpoint(
  "/api/tracing/audit/session/{sessionId}",
  "Audit events of one session",
  z.object({ sessionId: Label }),
  ["sessionId"],
);

export const ListAuditEventsOfResourceEndpoint = listEndpoint(
  "/api/tracing/audit/resource/{type}/{id}",
  "Audit events of one resource",
  z.object({ type: Label, id: Label }).transform(({ type, id }) => ({ resourceType: type, resourceId: id })),
  ["resourceType", "resourceId"],
);

export const VerifyAuditChainEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/audit/verify",
  summary: "Walk the audit hash chain and report every broken link",
  description:
    "Recomputes every hash from seq 1 to the end and checks each event against the stored one before it, so one broken event cannot hide another. Truncation at the end cannot be seen from the chain alone: keep `lastHash` somewhere else and compare.",
  tags: TAGS,
  response: z.object({
    valid: z.boolean(),
    checked: z.number().int().meta({ description: "Events read: the whole chain, broken ones included" }),
    firstBrokenSeq: z.number().int().nullable(),
    reason: z.string().nullable().meta({ description: "Why firstBrokenSeq is broken: missing, hash mismatch, prevHash mismatch or unreadable" }),
    brokenCount: z.number().int().meta({ description: "Every break found (an event can break in two ways: its link and its hash)" }),
    broken: z
      .array(z.object({ seq: z.number().int(), reason: z.string() }))
      .meta({ description: "The first 100 breaks in seq order" }),
    verifiedThroughSeq: z.number().int().nullable().meta({ description: "Every event up to this seq verifies" }),
    lastSeq: z.number().int().nullable().meta({ description: "The chain's last stored event" }),
    lastHash: Sha256Hex.nullable(),
  }),
  access: "read",
});

const Count = z.number().int();
const CountsShape = {
  total: Count,
  byAction: z.array(z.object({ action: AuditActionParam, count: Count })).meta({ description: "Most frequent first" }),
  bySeverity: z.array(z.object({ severity: AuditSeverityParam, count: Count })).meta({ description: "Most frequent first" }),
};

export const GetAuditStatisticsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/audit/statistics",
  summary: "Audit event counts by action, by severity and per UTC day",
  tags: TAGS,
  query: z.object(timeWindowShape).superRefine(windowInOrder()),
  response: z.object({
    ...CountsShape,
    perDay: z.array(z.object({ day: z.iso.date(), count: Count })).meta({ description: "UTC days with events, oldest first" }),
  }),
  errors: [400],
  access: "read",
});

export const GetEngagementReportEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/tracing/audit/engagement/{engagementId}/report",
  summary: "What happened in one engagement: counts, actors, resources, timeline",
  tags: TAGS,
  params: z.object({ engagementId: Label }),
  query: z.object({
    limit: z.coerce.number().int().min(1).max(5000).default(500).meta({ description: "Timeline events (1-5000, default 500)" }),
  }),
  response: z.object({
    engagementId: z.string(),
    ...CountsShape,
    actors: z
      .array(z.object({ userId: z.string().nullable(), count: Count, firstTimestampUnixNano: UnixNano, lastTimestampUnixNano: UnixNano }))
      .meta({ description: "Most events first; null gathers events without an actor" }),
    resources: z
      .array(z.object({ resourceType: z.string().nullable(), resourceId: z.string().nullable(), count: Count, actions: z.array(AuditActionParam) }))
      .meta({ description: "Resources touched, most events first" }),
    timeline: z.array(AuditEvent).meta({ description: "The first `limit` events, oldest first" }),
    timelineTruncated: z.boolean(),
    firstEvent: AuditEvent,
    lastEvent: AuditEvent,
  }),
  errors: [400, 404],
  access: "read",
});
