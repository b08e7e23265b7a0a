import "server-only";
import { BlockList, isIP } from "node:net";

/**
 * The header carrying the TCP peer's address. Next.js route handlers cannot see the
 * socket, so the server stamps it on every request (lib/server/peer-address.ts),
 * overwriting whatever a client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-traceboard-peer";

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is 10.0.0.1. */
function plainAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/** Addresses and CIDR ranges whose X-Forwarded-For is believed (TRACEBOARD_TRUSTED_PROXIES). */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  /** `entries`: IPv4 or IPv6 addresses or CIDR ranges (`10.0.0.0/8`, `fd00::/8`); throws on anything else. */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, bits, extra] = entry.trim().split("/");
      const family = isIP(address);
      const prefix = Number(bits);
      const maxPrefix = family === 4 ? 32 : 128;
      if (!family || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && prefix <= maxPrefix))) {
        throw new RangeError(`not an IP address or CIDR range: "${entry}"`);
      }
      const type = family === 4 ? "ipv4" : "ipv6";
      if (bits === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, prefix, type);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 4 ? "ipv4" : "ipv6");
  }
}

/**
 * The client a request comes from: the TCP peer, unless the peer is a trusted proxy;
 * then X-Forwarded-For is read from the right (each proxy appends the address it saw)
 * and the first address that is not a trusted proxy is the client. A client can put
 * anything at the left of the header, so nothing left of that is believed. Null when
 * the peer is unknown (the server did not stamp it).
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer) return null;
  let client = plainAddress(peer);
  if (trusted.size === 0 || !trusted.has(client)) return client;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(plainAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!isIP(hops[i])) return client;
    client = hops[i];
    if (!trusted.has(client)) return client;
  }
  return client;
}

let cachedProxies: { env: string; proxies: TrustedProxies } | undefined;

/** TRACEBOARD_TRUSTED_PROXIES (comma-separated addresses or CIDR ranges), parsed once per value. */
export function trustedProxies(env: string = process.env.TRACEBOARD_TRUSTED_PROXIES ?? ""): TrustedProxies {
  if (cachedProxies?.env !== env) {
    const entries = env.split(",").map((entry) => entry.trim()).filter(Boolean);
    cachedProxies = { env, proxies: new TrustedProxies(entries) };
  }
  return cachedProxies.proxies;
}
