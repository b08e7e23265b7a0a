/**
 * SVG polyline points of a small series drawn in a `width` x `height` box: x spread
 * evenly, y scaled from 0 to the series maximum (so flat zero lies on the bottom edge).
 * Missing values (null) break nothing: they are drawn as 0. Pure.
 */
export function sparklinePoints(values: ReadonlyArray<number | null>, width: number, height: number, inset = 1): string {
  if (values.length === 0) return "";
  const max = Math.max(0, ...values.map((value) => value ?? 0));
  const usable = height - inset * 2;
  const stepX = values.length === 1 ? 0 : width / (values.length - 1);
  return values
    .map((value, index) => {
      const y = max === 0 ? height - inset : height - inset - ((value ?? 0) / max) * usable;
      return `${round(index * stepX)},${round(y)}`;
    })
    .join(" ");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
