import { hasBearerToken } from "@/lib/api/bearer-token";
import type { Access } from "@/lib/api/endpoint";
import { crossSiteRefusal } from "./cross-site";
import { hasReadAccess, READ_CHALLENGE } from "./read-access";

/** Why a request was refused: 401 with a WWW-Authenticate challenge, or 403 for a cross-site request. */
export interface AccessDenial {
  status: 401 | 403;
  message: string;
  challenge?: string;
}

type Env = Record<string, string | undefined>;

/** The bearer-token kinds: the variable that sets the token, and the realm a refusal names. */
const BEARER_TOKENS = {
  ingest: { variable: "TRACEBOARD_INGEST_TOKEN", realm: "traceboard-ingest" },
  admin: { variable: "TRACEBOARD_ADMIN_TOKEN", realm: "traceboard-admin" },
} as const;

/**
 * Whether a request with `headers` may call a route of `access`; null when it may.
 * Each token is read when asked (an unset or empty variable leaves its routes open).
 */
export function accessDenial(access: Access, headers: Headers, env: Env = process.env): AccessDenial | null {
  if (access === "public") return null;
  if (access === "read") {
    if (hasReadAccess(headers, env.TRACEBOARD_READ_TOKEN)) return null;
    return { status: 401, message: "Missing or wrong credentials (TRACEBOARD_READ_TOKEN is set)", challenge: READ_CHALLENGE };
  }
  const { variable, realm } = BEARER_TOKENS[access];
  const token = env[variable];
  if (!token || hasBearerToken(headers.get("authorization"), token)) return null;
  return { status: 401, message: `Missing or wrong bearer token (${variable} is set)`, challenge: `Bearer realm="${realm}"` };
}

/**
 * A request that changes state (any method but GET) and says it comes from another
 * site is refused (lib/security/cross-site.ts), whatever tokens are set: a browser
 * carries Basic credentials across sites too.
 */
export function crossSiteDenial(method: string, headers: Headers, url: URL, allowedOrigins: readonly string[]): AccessDenial | null {
  if (method === "GET" || method === "HEAD") return null;
  const reason = crossSiteRefusal(headers, url, allowedOrigins);
  return reason ? { status: 403, message: `Cross-site request refused: ${reason}` } : null;
}
