export const CSP_HEADER = "content-security-policy";
/** The request header a page reads its nonce from (set by middleware.ts). */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: a fresh script nonce for one page response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The dashboard's policy. Scripts run only with this response's nonce (Next.js puts it
 * on its own script tags when it finds it in the request's CSP header) or when loaded
 * by such a script ('strict-dynamic'), so markup injected through span names,
 * attributes or audit text can never run. Styles allow inline attributes: Recharts
 * and the waterfall position elements with style attributes. `next dev` needs eval.
 */
export function contentSecurityPolicy(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
