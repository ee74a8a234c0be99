import type { ApiNode } from '../api/api';

/** Captions listed at most; the rest are counted. */
const listed = 12;

interface Props {
  nodes: ApiNode[];
  /** All of them are pinned. */
  pinned: boolean;
  onExpand: () => void;
  onHide: () => void;
  onPin: () => void;
  onKeepOnly: () => void;
  /** Only for two nodes. */
  onPaths?: () => void;
  onClear: () => void;
}

/** Nodes selected together: how many, of which kinds, which ones, and what can be done to them all. */
export function SelectionSummary({ nodes, pinned, onExpand, onHide, onPin, onKeepOnly, onPaths, onClear }: Props) {
  const labels = new Map<string, number>();
  for (const node of nodes) {
    const label = node.labels[0] ?? 'No label';
    labels.set(label, (labels.get(label) ?? 0) + 1);
  }
  const captions = nodes.map((node) => node.caption).sort((a, b) => a.localeCompare(b));
  return (
    <section className="inspect selection-summary" aria-label="Selected nodes" data-testid="selection-summary">
      <h2>{nodes.length} nodes selected</h2>
      <p className="hint">
        {[...labels]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, count]) => `${count} ${label}`)
          .join(', ')}
        . Shift-click a node to add or remove it; Shift-drag to add a box.
      </p>
      <ul>
        {captions.slice(0, listed).map((caption, index) => (
          <li key={index}>{caption}</li>
        ))}
      </ul>
      {captions.length > listed && <p className="hint">and {captions.length - listed} more</p>}
      <div className="actions">
        <button onClick={onExpand}>Expand all</button>
        {onPaths && <button onClick={onPaths}>Paths between these two</button>}
        <button onClick={onPin}>{pinned ? 'Unpin' : 'Pin'}</button>
        <button onClick={onKeepOnly}>Keep only these</button>
        <button onClick={onHide}>Hide</button>
        <button onClick={onClear}>Clear the selection</button>
      </div>
    </section>
  );
}
