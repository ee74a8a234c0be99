import { describe, expect, it } from 'vitest';
import { labelLinks, placeLabels } from '../../../client/src/explore/overview.js';

const labelsOf = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ name: `Label${index}`, count: 1000 + index }));

const link = (from: string, type: string, to: string) => ({ from, type, to, count: 1, sampled: 1 });

describe('the overview of a database', () => {
  it.each([2, 6, 13, 18, 24])('When %i labels are drawn, then no two discs touch', (count) => {
    const places = [...placeLabels(labelsOf(count)).values()];
    for (const [at, one] of places.entries()) {
      for (const other of places.slice(at + 1)) {
        const apart = Math.hypot(one.x - other.x, one.y - other.y);
        expect(apart, `${one.label.name} and ${other.label.name}`).toBeGreaterThan((one.size + other.size) / 2 + 8);
      }
    }
  });

  it('When labels differ in count, then the busier one has the bigger disc', () => {
    const places = placeLabels([
      { name: 'Account', count: 200_000 },
      { name: 'Bank', count: 3 },
    ]);
    expect(places.get('Account')!.size).toBeGreaterThan(places.get('Bank')!.size);
  });

  it('When several types join one pair of labels, either way, then they are one line that names them', () => {
    const links = labelLinks(
      [
        link('Person', 'KNOWS', 'Person'),
        link('Person', 'WORKS_AT', 'Company'),
        link('Company', 'EMPLOYS', 'Person'),
        link('Company', 'OWNS', 'Person'),
        link('Person', 'WORKS_AT', 'Company'),
        link('Person', 'VISITS', 'Elsewhere'),
      ],
      new Set(['Person', 'Company']),
    );
    expect(links).toEqual([
      { from: 'Person', to: 'Person', types: ['KNOWS'], caption: 'KNOWS' },
      { from: 'Company', to: 'Person', types: ['EMPLOYS', 'OWNS', 'WORKS_AT'], caption: 'EMPLOYS +2 more' },
    ]);
  });
});
