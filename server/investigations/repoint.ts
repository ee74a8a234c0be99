import type { View } from './investigations.schemas.js';

/**
 * What a merge of nodes does to a saved canvas that holds the merged node, so that its undo can put it back:
 * the canvas then points to the kept node (issue 26).
 */
export interface HeldMerged {
  /** Whether the canvas held the kept node too (then the merged one was dropped, else renamed). */
  both: boolean;
  /** Where the merged node was in `ids`, and its place, fingerprint, pin and selection. */
  index: number;
  position?: { x: number; y: number };
  fingerprint?: string;
  pinned: boolean;
  /** Whether the kept node was pinned before (absent in merges made before this was kept). */
  keepPinned?: boolean;
  selected: boolean;
}

function renamed(list: string[] | undefined, ids: Map<string, string>): string[] | undefined {
  return list && [...new Set(list.map((id) => ids.get(id) ?? id))];
}

/**
 * The view with node `merge` replaced by `keep` (dropped where `keep` is there already) and moved
 * relationships renamed; undefined when it does not hold `merge`.
 */
export function pointToKept(
  view: View,
  keep: string,
  merge: string,
  keepFingerprint: string,
  relationships: Map<string, string>,
): { view: View; held: HeldMerged } | undefined {
  const index = view.ids.indexOf(merge);
  if (index < 0) return undefined;
  const both = view.ids.includes(keep);
  const held: HeldMerged = {
    both,
    index,
    position: view.positions[merge],
    fingerprint: view.fingerprints?.[index],
    pinned: view.pinned?.includes(merge) ?? false,
    keepPinned: view.pinned?.includes(keep) ?? false,
    selected: view.selected?.kind === 'node' && view.selected.id === merge,
  };
  const ids = [...view.ids];
  const fingerprints = view.fingerprints && [...view.fingerprints];
  const positions = { ...view.positions };
  delete positions[merge];
  if (both) {
    ids.splice(index, 1);
    fingerprints?.splice(index, 1);
  } else {
    ids[index] = keep;
    if (fingerprints) fingerprints[index] = keepFingerprint;
    if (held.position) positions[keep] = held.position;
  }
  const nodeIds = new Map([[merge, keep]]);
  const next: View = { ...view, ids, positions, edges: renamed(view.edges, relationships)! };
  if (fingerprints) next.fingerprints = fingerprints;
  if (view.pinned) next.pinned = renamed(view.pinned, nodeIds);
  if (held.selected) next.selected = { kind: 'node', id: keep };
  else if (view.selected?.kind === 'edge') {
    next.selected = { kind: 'edge', id: relationships.get(view.selected.id) ?? view.selected.id };
  }
  return { view: next, held };
}

/**
 * The view with the merged node back as `pointToKept` found it (in its place, with its position, pin and
 * fingerprint) and moved relationships renamed back; undefined when the canvas no longer holds `keep`.
 */
export function pointBack(
  view: View,
  keep: string,
  merge: string,
  held: HeldMerged,
  relationships: Map<string, string>,
): View | undefined {
  const at = view.ids.indexOf(keep);
  if (at < 0 || view.ids.includes(merge)) return undefined;
  const ids = [...view.ids];
  const fingerprints = view.fingerprints && [...view.fingerprints];
  const positions = { ...view.positions };
  let pinned = view.pinned && [...view.pinned];
  if (held.both) {
    const index = Math.min(held.index, ids.length);
    ids.splice(index, 0, merge);
    fingerprints?.splice(index, 0, held.fingerprint ?? '');
    // The merged node's pin went to the kept one: it leaves with the merged node unless the kept one had its own.
    if (held.keepPinned === false) pinned = pinned?.filter((id) => id !== keep);
  } else {
    ids[at] = merge;
    if (fingerprints) fingerprints[at] = held.fingerprint ?? '';
    delete positions[keep];
    pinned = pinned?.filter((id) => id !== keep);
  }
  if (held.position) positions[merge] = held.position;
  if (held.pinned) pinned = [...(pinned ?? []), merge];
  const next: View = { ...view, ids, positions, edges: renamed(view.edges, relationships)! };
  if (fingerprints) next.fingerprints = fingerprints;
  if (pinned) next.pinned = pinned;
  if (held.selected && view.selected?.kind === 'node' && view.selected.id === keep) {
    next.selected = { kind: 'node', id: merge };
  } else if (view.selected?.kind === 'edge') {
    next.selected = { kind: 'edge', id: relationships.get(view.selected.id) ?? view.selected.id };
  }
  return next;
}
