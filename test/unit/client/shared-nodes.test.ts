import { describe, expect, it } from 'vitest';
import { sharedNodes } from '../../../client/src/explore/sharedNodes.js';
import { fingerprint } from '../../../shared/fingerprint.js';

const node = (id: string, caption = id) => ({ id, labels: ['Thing'], caption, properties: {} });

describe('the nodes of a link opened on the database as it is now', () => {
  it('When every node comes back under the id asked for, with the content seen, then all are drawn', () => {
    const found = { nodes: [node('a', 'Alpha'), node('b', 'Beta')], edges: [] };
    const result = sharedNodes(['a', 'b'], [fingerprint('Alpha'), fingerprint('Beta')], found);
    expect(result.kept.map((kept) => kept.id)).toEqual(['a', 'b']);
    expect(result).toMatchObject({ missing: [], changed: [] });
  });

  it('When the ids now answer with nodes known by other ids (elementIds reused after a reload), then none is drawn and all count as gone', () => {
    const asked = ['4:movies:1', '4:movies:2', '4:movies:3'];
    // The database answers the reused elementIds with Passengers, which go by their `id` property.
    const found = { nodes: [node('passenger-1'), node('passenger-2'), node('passenger-3')], edges: [] };
    const result = sharedNodes(asked, undefined, found);
    expect(result.kept).toEqual([]);
    expect(result.missing).toEqual(asked);
  });

  it('When one id holds other content than the link saw, then it alone is left out, as changed', () => {
    const found = { nodes: [node('a', 'Alpha'), node('b', 'Someone else')], edges: [] };
    const result = sharedNodes(
      ['a', 'b', 'c'],
      [fingerprint('Alpha'), fingerprint('Beta'), fingerprint('Gamma')],
      found,
    );
    expect(result.kept.map((kept) => kept.id)).toEqual(['a']);
    expect(result.changed).toEqual(['b']);
    expect(result.missing).toEqual(['c']);
  });
});
