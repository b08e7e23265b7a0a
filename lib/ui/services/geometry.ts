/** Plane geometry for the service map: boxes, text sizes and the curve drawn through a route. Pure. */

export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned box by its centre and size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Average advance of a character as a share of the font size (sans-serif, a little generous). */
const CHARACTER_WIDTH = 0.62;

/** The width a text takes at `fontSize`, estimated without a DOM. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * CHARACTER_WIDTH);
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

export function pointInBox(point: Point, box: Box): boolean {
  return Math.abs(point.x - box.x) * 2 < box.width && Math.abs(point.y - box.y) * 2 < box.height;
}

const midpoint = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * The smooth curve through a route, as quadratic pieces [start, control, end]: straight
 * to the middle of the first leg, then one piece per inner point (bending at it, from
 * the middle of the leg before to the middle of the leg after), straight to the end.
 * Each piece stays inside the triangle of its points, so the curve keeps near the route.
 */
export function curvePieces(points: readonly Point[]): Array<[Point, Point, Point]> {
  if (points.length < 2) return [];
  if (points.length === 2) return [[points[0], midpoint(points[0], points[1]), points[1]]];
  const pieces: Array<[Point, Point, Point]> = [];
  const first = midpoint(points[0], points[1]);
  pieces.push([points[0], midpoint(points[0], first), first]);
  for (let index = 1; index < points.length - 1; index++) {
    pieces.push([midpoint(points[index - 1], points[index]), points[index], midpoint(points[index], points[index + 1])]);
  }
  const last = midpoint(points[points.length - 2], points[points.length - 1]);
  pieces.push([last, midpoint(last, points[points.length - 1]), points[points.length - 1]]);
  return pieces;
}

const round = (value: number) => Math.round(value * 10) / 10;
const coordinates = (point: Point) => `${round(point.x)} ${round(point.y)}`;

/** SVG path data of curvePieces. */
export function curvePath(points: readonly Point[]): string {
  const pieces = curvePieces(points);
  if (pieces.length === 0) return "";
  return `M ${coordinates(pieces[0][0])} ${pieces.map(([, control, end]) => `Q ${coordinates(control)} ${coordinates(end)}`).join(" ")}`;
}

/** Points along a quadratic piece (t = 0 .. 1 in `steps` steps), e.g. to test what a curve crosses. */
export function samplePiece([start, control, end]: readonly [Point, Point, Point], steps = 16): Point[] {
  return Array.from({ length: steps + 1 }, (_, step) => {
    const t = step / steps;
    const u = 1 - t;
    return { x: u * u * start.x + 2 * u * t * control.x + t * t * end.x, y: u * u * start.y + 2 * u * t * control.y + t * t * end.y };
  });
}
