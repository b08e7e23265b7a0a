import { hasBearerToken } from "./bearer-token";
import { errorResponse } from "./errors";

/**
 * When TRACEBOARD_ADMIN_TOKEN is set, admin routes need `Authorization: Bearer <it>`.
 * Returns the 401 to answer with, or null when the caller may proceed.
 */
export function requireAdmin(request: Request, token = process.env.TRACEBOARD_ADMIN_TOKEN): Response | null {
  if (!token || hasBearerToken(request.headers.get("authorization"), token)) return null;
  return errorResponse("unauthorized", "Missing or wrong bearer token (TRACEBOARD_ADMIN_TOKEN is set)", undefined, {
    headers: { "WWW-Authenticate": 'Bearer realm="traceboard-admin"' },
  });
}
