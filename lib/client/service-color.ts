/**
 * The colour of a service on every page: a stable hue from the FNV-1a hash of its name
 * at mid lightness, which reads on light and dark backgrounds.
 */
export function serviceColor(service: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < service.length; at += 1) {
    hash ^= service.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return `hsl(${(hash >>> 0) % 360} 65% 50%)`;
}
