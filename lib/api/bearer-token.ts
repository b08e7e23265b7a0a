import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares SHA-256 digests in constant time, so neither the secret's content nor its length leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** True when `authorization` is `Bearer <expected>` (constant time, see sameSecret). */
export function hasBearerToken(authorization: string | null, expected: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  return match !== null && sameSecret(match[1], expected);
}
