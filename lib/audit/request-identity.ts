import { z } from "zod";

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
 * authenticating proxy), the client address from the first `X-Forwarded-For` entry or
 * `X-Real-IP` (ignored unless a valid IP address), and `User-Agent`.
 */
export function requestIdentity(request: Request): RequestIdentity {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip")?.trim();
  const ip = IpAddress.safeParse(forwarded);
  return {
    userId: header(request, USER_ID_HEADER, 256),
    ipAddress: ip.success ? ip.data : null,
    userAgent: header(request, "user-agent", 1024),
  };
}
