/**
 * Cross-site request forgery: a page on any origin can make a browser send a form POST
 * (or a `text/plain` fetch, which needs no preflight) to a route that changes state, and
 * with no admin token set nothing else stops it. Browsers say where a request comes
 * from: `Origin` (on every POST) and `Sec-Fetch-Site` (all current browsers). A request
 * that says it comes from another site is refused unless its origin is one the operator
 * allowed (TRACEBOARD_CORS_ORIGINS). Clients that are not browsers (exporters, curl)
 * send neither header and are not affected.
 */

/** The host the request was addressed to (behind a proxy, the one the browser used), as Next.js compares it for server actions. */
function requestHost(headers: Headers, url: URL): string {
  return headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host") || url.host;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Why a state-changing request is refused as cross-site, or null when it is not. */
export function crossSiteRefusal(headers: Headers, url: URL, allowedOrigins: readonly string[]): string | null {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (allowedOrigins.includes("*") || allowedOrigins.includes(origin)) return null;
    if (hostOf(origin) === requestHost(headers, url)) return null;
    return `Origin ${origin} is neither this server nor in TRACEBOARD_CORS_ORIGINS`;
  }
  const fetchSite = headers.get("sec-fetch-site");
  return fetchSite === "cross-site" || fetchSite === "same-site" ? `Sec-Fetch-Site is "${fetchSite}" and the request has no Origin` : null;
}
