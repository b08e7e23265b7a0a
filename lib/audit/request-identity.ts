import { z } from "zod";
import { clientAddress, trustedProxies } from "@/lib/security/client-address";

/** The header naming the acting user when the audit body (or an audited route) does not. */
export const USER_ID_HEADER = "x-user-id";

const IpAddress = z.union([z.ipv4(), z.ipv6()]);

export interface RequestIdentity {
  userId: string | null;
  ipAddress: string | null;
  userAgent: string | null;
}

function header(request: Request, name: string, maxLength: number): string | null {
  const value = request.headers.get(name)?.trim();
  return value ? value.slice(0, maxLength) : null;
}

/**
 * Who sent `request`, as far as its headers say: `X-User-Id` (set by the caller or an
 * authenticating proxy), the client address (the TCP peer, or what a trusted proxy
 * forwarded for: lib/security/client-address.ts), and `User-Agent`.
 */
export function requestIdentity(request: Request): RequestIdentity {
  const ip = IpAddress.safeParse(clientAddress(request.headers, trustedProxies()));
  return {
    userId: header(request, USER_ID_HEADER, 256),
    ipAddress: ip.success ? ip.data : null,
    userAgent: header(request, "user-agent", 1024),
  };
}
