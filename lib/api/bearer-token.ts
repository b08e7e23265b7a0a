import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when `authorization` is `Bearer <expected>`. Compares SHA-256 digests in
 * constant time, so neither the token's content nor its length leaks through timing.
 */
export function hasBearerToken(authorization: string | null, expected: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  return match !== null && timingSafeEqual(digest(match[1]), digest(expected));
}
