import { hasBearerToken, sameSecret } from "@/lib/api/bearer-token";

/** The WWW-Authenticate of a read without access: browsers then ask for the password. */
export const READ_CHALLENGE = 'Basic realm="Traceboard", charset="UTF-8"';

/** True when `authorization` is HTTP Basic with `expected` as the password (any user name); constant time. */
export function hasBasicPassword(authorization: string | null, expected: string): boolean {
  const match = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(authorization ?? "");
  if (!match) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon >= 0 && sameSecret(decoded.slice(colon + 1), expected);
}

/**
 * With TRACEBOARD_READ_TOKEN set, reading (dashboard pages, `read` API routes) needs
 * `Authorization: Bearer <token>`, or HTTP Basic with the token as password: a browser
 * asks for it once and sends it with the dashboard's own API calls. Unset: open.
 */
export function hasReadAccess(headers: Headers, token = process.env.TRACEBOARD_READ_TOKEN): boolean {
  if (!token) return true;
  const authorization = headers.get("authorization");
  return hasBearerToken(authorization, token) || hasBasicPassword(authorization, token);
}

/** The 401 a page answers without read access; the challenge makes browsers ask for the password. */
export function pageReadChallenge(): Response {
  return new Response("Authentication required (TRACEBOARD_READ_TOKEN is set)", {
    status: 401,
    headers: { "WWW-Authenticate": READ_CHALLENGE, "content-type": "text/plain; charset=utf-8" },
  });
}
