/** A stable hue per service name (FNV-1a), so a service keeps its colour across views and reloads. */
export function serviceHue(service: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < service.length; at += 1) {
    hash ^= service.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % 360;
}

/** A mid-lightness colour that reads on light and dark backgrounds. */
export function serviceColour(service: string): string {
  return `hsl(${serviceHue(service)} 65% 50%)`;
}
