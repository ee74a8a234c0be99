import { create, type Delta } from 'jsondiffpatch';
import type { View } from './investigations.schemas.js';

/**
 * How a view is kept in the version history: its lists of ids become keyed maps, so that a delta between two
 * saves is computed key by key (linear) rather than by aligning two long arrays, and says "this node was
 * added" instead of "the list shifted". Keys carry a prefix so that no id can be `__proto__` to the differ.
 */
export type StoredView = Record<string, unknown>;

const idSets = ['edges', 'hiddenLabels', 'hiddenTypes', 'pathExclude', 'pinned', 'unfolded'] as const;
const key = (id: string) => `k:${id}`;
const unkey = (stored: string) => stored.slice(2);

function keyed<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.map(([id, value]) => [key(id), value]));
}

export function toStored(view: View): StoredView {
  const { ids, fingerprints, positions, ...rest } = view;
  const stored: StoredView = {
    ...rest,
    nodes: keyed(ids.map((id, index) => [id, fingerprints?.[index] ?? ''])),
    positions: keyed(Object.entries(positions)),
  };
  for (const name of idSets) {
    const list = view[name];
    if (list) stored[name] = keyed(list.map((id) => [id, 1]));
  }
  return stored;
}

export function fromStored(stored: StoredView): View {
  const { nodes, positions, ...rest } = stored as Record<string, Record<string, unknown>>;
  const nodeEntries = Object.entries(nodes ?? {});
  const view: Record<string, unknown> = {
    ...rest,
    ids: nodeEntries.map(([stored]) => unkey(stored)),
    positions: Object.fromEntries(Object.entries(positions ?? {}).map(([stored, at]) => [unkey(stored), at])),
  };
  if (nodeEntries.some(([, fingerprint]) => fingerprint)) view.fingerprints = nodeEntries.map(([, print]) => print);
  for (const name of idSets) {
    if (rest[name]) view[name] = Object.keys(rest[name]).map(unkey);
  }
  return view as unknown as View;
}

const differ = create({ arrays: { detectMove: false } });

/** What changed from one stored view to the next; undefined when nothing did. */
export function viewDelta(before: StoredView, after: StoredView): Delta | undefined {
  return differ.diff(before, after);
}

export function applyDelta(stored: StoredView, delta: Delta): StoredView {
  return differ.patch(structuredClone(stored), delta) as StoredView;
}

interface ChainLink {
  snapshot: StoredView | null;
  delta: Delta | null;
}

/** A version rebuilt from its chain: the nearest snapshot at or before it, then each delta in order. */
export function rebuild(chain: ChainLink[]): View {
  const [first, ...rest] = chain;
  if (!first?.snapshot) throw new Error('A version chain must start with a snapshot');
  let stored = first.snapshot;
  for (const link of rest) stored = link.snapshot ?? applyDelta(stored, link.delta!);
  return fromStored(stored);
}

const moved = (a: { x: number; y: number } | undefined, b: { x: number; y: number } | undefined) =>
  !!a && !!b && (a.x !== b.x || a.y !== b.y);

/** Nodes and relationships added and removed from one view to another, and how many nodes moved. */
export function compareViews(before: View, after: View) {
  const difference = (a: string[], b: string[]) => {
    const held = new Set(b);
    return a.filter((id) => !held.has(id));
  };
  const kept = after.ids.filter((id) => before.positions[id] !== undefined);
  return {
    nodesAdded: difference(after.ids, before.ids),
    nodesRemoved: difference(before.ids, after.ids),
    relationshipsAdded: difference(after.edges, before.edges),
    relationshipsRemoved: difference(before.edges, after.edges),
    moved: kept.filter((id) => moved(before.positions[id], after.positions[id])).length,
  };
}
