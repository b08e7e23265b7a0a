import { z } from "zod";
import { errorCodeForStatus, errorResponse } from "./errors";
import { type BodyLimit, BodyReadError, readBoundedBody } from "./read-bounded-body";

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const JSON_LIMIT_SETTING = "TRACEBOARD_MAX_JSON_BODY_BYTES";
const DEFAULT_JSON_LIMIT_BYTES = 1024 * 1024;

let cachedLimit: BodyLimit | undefined;

/** The size limit of API JSON bodies (audit events, test requests), read once from the environment. */
export function jsonBodyLimit(env: Record<string, string | undefined> = process.env): BodyLimit {
  if (env !== process.env) return parseLimit(env);
  cachedLimit ??= parseLimit(env);
  return cachedLimit;
}

function parseLimit(env: Record<string, string | undefined>): BodyLimit {
  const maxBytes = z.coerce.number().int().positive().default(DEFAULT_JSON_LIMIT_BYTES).parse(env[JSON_LIMIT_SETTING] || undefined);
  return { maxBytes, setting: JSON_LIMIT_SETTING };
}

/**
 * Reads a JSON body of at most `limit` bytes (413 above it, refused from Content-Length
 * before reading when declared); an empty body yields `whenEmpty`, malformed JSON a
 * 400 that says where.
 */
export async function readJsonBody(request: Request, whenEmpty: unknown, limit: BodyLimit = jsonBodyLimit()): Promise<JsonBody> {
  let text: string;
  try {
    // As request.text() decodes: UTF-8, a leading BOM dropped.
    text = new TextDecoder().decode(await readBoundedBody(request, limit));
  } catch (error) {
    if (!(error instanceof BodyReadError)) throw error;
    return { ok: false, response: errorResponse(errorCodeForStatus(error.status), error.message) };
  }
  if (text.trim() === "") return { ok: true, value: whenEmpty };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "unreadable body";
    return { ok: false, response: errorResponse("bad_request", `Malformed JSON body: ${reason}`) };
  }
}
