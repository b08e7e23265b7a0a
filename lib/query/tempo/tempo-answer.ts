import type { Type } from "protobufjs";

/**
 * An answer in the format the request's Accept asks for, as Tempo's handlers choose it
 * (pkg/api MarshalingFormatFromAcceptHeader: `application/protobuf` anywhere in the
 * header), else JSON. A Response the logic built itself (an error) passes through.
 */

const PROTOBUF = "application/protobuf";

export const wantsProtobuf = (accept: string | null) => (accept ?? "").includes(PROTOBUF);

export const protobufResponse = (bytes: Uint8Array) => new Response(Buffer.from(bytes), { headers: { "Content-Type": PROTOBUF } });

/** `body` (Tempo's JSON) as `message` in protobuf when Accept asks for it, else as JSON. */
export function tempoAnswer(message: Type, body: object | Response, accept: string | null): Response {
  if (body instanceof Response) return body;
  return wantsProtobuf(accept) ? protobufResponse(message.encode(message.fromObject(body)).finish()) : Response.json(body);
}
