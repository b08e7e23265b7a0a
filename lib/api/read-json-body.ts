import { errorResponse } from "./errors";

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Reads a JSON body; an empty body yields `whenEmpty`, malformed JSON a 400 that says where. */
export async function readJsonBody(request: Request, whenEmpty: unknown): Promise<JsonBody> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: whenEmpty };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "unreadable body";
    return { ok: false, response: errorResponse("bad_request", `Malformed JSON body: ${reason}`) };
  }
}
