import { describe, expect, it } from 'vitest';
import type { ApiEdge } from '../../../client/src/api/api.js';
import { groupLabel } from '../../../client/src/canvas/edgeGroups.js';
import { edgeLook, edgeStatus, type CanvasView } from '../../../client/src/canvas/status.js';

const relationship = (id: string, type: string, since: string, until?: string): ApiEdge => ({
  id,
  type,
  source: 'microsoft',
  target: 'openai',
  properties: { since, ...(until ? { until } : {}) },
});

// Three of the relationships folded between Microsoft and OpenAI.
const members = [
  relationship('invested', 'INVESTED_IN', '2019-07-01'),
  relationship('observer', 'OBSERVER_ON_BOARD_OF', '2023-11-29', '2024-07-10'),
  relationship('competitor', 'COMPETES_WITH', '2024-06-01'),
];

const view = (extra: Partial<CanvasView>): CanvasView => ({
  dating: {},
  hiddenLabels: new Set(),
  hiddenTypes: new Set(),
  highlighted: new Set(),
  pinned: new Set(),
  ...extra,
});

const look = (shown: CanvasView, edges = members) =>
  edgeLook(
    edges.map((edge) => ({ edge, status: edgeStatus(edge, shown) })),
    shown,
    groupLabel,
  );

describe('Time inside a folded group of relationships', () => {
  it('When As of is set, then the group says how many of its members hold and is half faded when only some do', () => {
    const asOf = look(view({ asOf: '2024-08-15' }));
    expect(asOf).toMatchObject({ label: '3 relationships · 2 hold', faded: false, partly: true });
    const before = look(view({ asOf: '2010-01-01' }));
    expect(before).toMatchObject({ label: '3 relationships · 0 hold', faded: true, partly: false });
    expect(look(view({}))).toMatchObject({ label: '3 relationships', faded: false, partly: false });
  });

  it('When two dates are compared, then the group counts what began and ended and is never both new and gone', () => {
    const compared = look(view({ compare: { from: '2024-01-01', to: '2024-12-31' } }));
    expect(compared).toMatchObject({
      label: '3 relationships · 1 new · 1 gone',
      new: false,
      gone: false,
      changed: true,
    });
    const ending = look(view({ compare: { from: '2024-07-01', to: '2024-07-31' } }));
    expect(ending).toMatchObject({ label: '3 relationships · 1 gone', new: false, gone: true, changed: false });
  });

  it('When filters leave one member, then it is shown as that relationship', () => {
    const shown = view({ hiddenTypes: new Set(['INVESTED_IN', 'COMPETES_WITH']), asOf: '2024-08-15' });
    expect(look(shown)).toMatchObject({ label: 'OBSERVER_ON_BOARD_OF', faded: true, filtered: false });
  });
});
