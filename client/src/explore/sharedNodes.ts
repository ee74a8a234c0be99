import type { Graph } from '../api/api';
import { fingerprint } from '../../../shared/fingerprint';

/** What became of a link's (or an investigation's) nodes in the database as it is now. */
export interface SharedNodes {
  /** The nodes to draw: found under the very id the link holds, with the content it saw. */
  kept: Graph['nodes'];
  /** Ids the database no longer answers to, or answers with a node that goes by another id now. */
  missing: string[];
  /** Ids found, but holding other content than the link saw (an id reused for another node). */
  changed: string[];
}

/**
 * Sorts the nodes found for a link's ids. A node that comes back under another API id than the one asked for
 * (an elementId reused for a node now known by its `id` property) is not the node the link meant: it counts
 * as gone and is not drawn.
 */
export function sharedNodes(ids: string[], fingerprints: string[] | undefined, found: Graph): SharedNodes {
  const byId = new Map(found.nodes.map((node) => [node.id, node]));
  const missing = ids.filter((id) => !byId.has(id));
  const changed = fingerprints
    ? ids.filter((id, index) => {
        const node = byId.get(id);
        return node !== undefined && fingerprint(node.caption) !== fingerprints[index];
      })
    : [];
  const asked = new Set(ids);
  const changedIds = new Set(changed);
  return { kept: found.nodes.filter((node) => asked.has(node.id) && !changedIds.has(node.id)), missing, changed };
}
