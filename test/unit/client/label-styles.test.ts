import { describe, expect, it } from 'vitest';
import type { ApiNode } from '../../../client/src/api/api.js';
import { nodeLook, readStyles, sizeRanges } from '../../../client/src/styling/labelStyles.js';

const member = (id: number, weight?: number): ApiNode => ({
  id: String(id),
  labels: ['Member'],
  caption: `Member ${id}`,
  properties: weight === undefined ? { id } : { id, weight },
});

describe('label styles', () => {
  it('When a label is given a colour, shape, caption and size property, then its nodes are drawn so', () => {
    const styles = { Member: { color: '#d62728', shape: 'hexagon', caption: 'id', size: 'weight' } };
    const nodes = [member(1, 0), member(2, 100), member(3)];
    const ranges = sizeRanges(nodes, styles);
    expect(ranges).toEqual({ Member: { min: 0, max: 100 } });
    const [small, large, none] = nodes.map((node) => nodeLook(node, styles, ranges));
    expect(small).toMatchObject({ color: '#d62728', shape: 'hexagon', caption: '1' });
    expect(small!.size).toBeLessThan(large!.size);
    expect(none!.size).toBe(30);
  });

  it('When nothing is chosen, then the label keeps its default look and the server caption', () => {
    const look = nodeLook(member(7), {}, {});
    expect(look.caption).toBe('Member 7');
    expect(look.size).toBe(30);
  });

  it('When a link or the storage holds something malformed, then only well-formed styles are read', () => {
    expect(readStyles({ A: { color: '#000000' }, B: { color: 3 }, C: 'x', D: { other: 'y' } })).toEqual({
      A: { color: '#000000' },
    });
    expect(readStyles('nonsense')).toBeUndefined();
  });
});
