/**
 * Just enough geometry for hand-placed state graphs: boxes by their centre, edges as
 * polylines, and arrowheads as polygons (no <marker>, so no ids that could clash when a
 * page shows a diagram twice).
 */

export type Point = readonly [x: number, y: number];

export interface Box {
  /** Centre. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The polygon points of an arrowhead whose tip is the polyline's last point. */
export function arrowHead(points: readonly Point[], length = 9, halfWidth = 4.5): string {
  const tip = points.at(-1);
  const before = points.at(-2);
  if (!tip || !before) throw new Error('an arrow needs at least two points');
  const dx = tip[0] - before[0];
  const dy = tip[1] - before[1];
  const norm = Math.hypot(dx, dy);
  if (norm === 0) throw new Error('an arrow’s last segment has no length');
  const ux = dx / norm;
  const uy = dy / norm;
  const baseX = tip[0] - ux * length;
  const baseY = tip[1] - uy * length;
  const corners: Point[] = [tip, [baseX - uy * halfWidth, baseY + ux * halfWidth], [baseX + uy * halfWidth, baseY - ux * halfWidth]];
  return corners.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
}

/**
 * The polyline's points as an SVG attribute, its last point pulled back by the arrowhead's
 * length so a thick stroke does not poke through the tip.
 */
export function shaftPoints(points: readonly Point[], headLength = 9): string {
  const shaft = points.map(([x, y]): Point => [x, y]);
  const tip = shaft.at(-1);
  const before = shaft.at(-2);
  if (tip && before) {
    const norm = Math.hypot(tip[0] - before[0], tip[1] - before[1]);
    const back = Math.min(headLength * 0.8, norm);
    shaft[shaft.length - 1] = [tip[0] - ((tip[0] - before[0]) / norm) * back, tip[1] - ((tip[1] - before[1]) / norm) * back];
  }
  return shaft.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

/** Whether a point lies on the box's outline (within a pixel): where edges must start and end. */
export function onOutline(point: Point, box: Box): boolean {
  const left = box.x - box.width / 2;
  const right = box.x + box.width / 2;
  const top = box.y - box.height / 2;
  const bottom = box.y + box.height / 2;
  const [x, y] = point;
  const within = (value: number, from: number, to: number) => value >= from - 1 && value <= to + 1;
  const onVertical = (Math.abs(x - left) <= 1 || Math.abs(x - right) <= 1) && within(y, top, bottom);
  const onHorizontal = (Math.abs(y - top) <= 1 || Math.abs(y - bottom) <= 1) && within(x, left, right);
  return onVertical || onHorizontal;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
