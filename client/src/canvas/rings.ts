import type { EntentePoint } from '../probe/types.js';

/**
 * Places `count` nodes in concentric rings around `centre`, the innermost first, so that a hub's thousands of
 * neighbours read as a disc around it instead of a pile. Neighbouring places are `spacing` apart along a ring
 * and rings are `spacing` apart, so with `spacing` above the node diameter no two touch.
 */
export function ringPositions(centre: EntentePoint, count: number, spacing: number): EntentePoint[] {
  // A ring of zero spacing holds no place, and the loop below would never end.
  if (!(spacing > 0)) throw new RangeError(`Ring spacing must be positive, not ${spacing}`);
  const positions: EntentePoint[] = [];
  // The first ring leaves the hub itself a node's place all round.
  for (let ring = 1; positions.length < count; ring++) {
    const radius = ring * spacing;
    const capacity = Math.floor((2 * Math.PI * radius) / spacing);
    const here = Math.min(capacity, count - positions.length);
    // Alternate rings start half a step round, so that the spokes do not line up.
    const offset = ring % 2 === 0 ? Math.PI / capacity : 0;
    for (let place = 0; place < here; place++) {
      // A last, partial ring is spread evenly over the whole circle rather than bunched on one side.
      const angle = offset + (2 * Math.PI * place) / here;
      positions.push({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
  }
  return positions;
}
