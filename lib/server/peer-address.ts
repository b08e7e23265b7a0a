import "server-only";
import http from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";

/** Sets the header in both views of the request's headers (Next.js reads `headers`, others `rawHeaders`). */
function stamp(request: http.IncomingMessage): void {
  const peer = request.socket?.remoteAddress;
  const raw = request.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === PEER_ADDRESS_HEADER) raw.splice(i, 2);
  if (peer) {
    request.headers[PEER_ADDRESS_HEADER] = peer;
    raw.push(PEER_ADDRESS_HEADER, peer);
  } else delete request.headers[PEER_ADDRESS_HEADER];
}

const state = globalThis as unknown as { traceboardPeerStamp?: boolean };

/**
 * Stamps every incoming HTTP request with its TCP peer's address
 * (PEER_ADDRESS_HEADER, overwriting a client's own), before Next.js sees it: route
 * handlers get a Request without the socket, and Next.js only sets X-Forwarded-For when
 * the client did not, so the rate limit and the audit's client address could not tell
 * a forged header from a real one. Wraps `emit` of every http.Server once per process.
 */
export function stampPeerAddresses(): void {
  if (state.traceboardPeerStamp) return;
  state.traceboardPeerStamp = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      stamp(args[0] as http.IncomingMessage);
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
