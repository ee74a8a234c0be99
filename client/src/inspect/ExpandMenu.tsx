import { useEffect, useState } from 'react';
import { api, type TypeCount } from '../api/api';

export type MenuAction = 'hide' | 'pin' | 'collapse' | 'keep-selection' | 'path-from';

export interface ExpandChoice {
  type: string;
  direction: 'in' | 'out';
}

interface Props {
  nodeId: string;
  at: { x: number; y: number };
  pageSize: number;
  onExpand(choice: ExpandChoice): void;
  onAction(action: MenuAction): void;
  onClose(): void;
}

/**
 * A node's context menu: its relationships per type and direction with counts, each expanded one page
 * at a time, so a node with thousands of neighbours is never expanded all at once.
 */
export function ExpandMenu({ nodeId, at, pageSize, onExpand, onAction, onClose }: Props) {
  const [counts, setCounts] = useState<TypeCount[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api
      .relationships(nodeId)
      .then(({ relationships }) => setCounts(relationships))
      .catch((failure: Error) => setError(failure.message));
  }, [nodeId]);

  return (
    <div
      className="context-menu"
      role="menu"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
      data-testid="expand-menu"
    >
      <div className="menu-title">Expand</div>
      {!counts && !error && <div className="hint">Loading relationships…</div>}
      {error && <div className="error">{error}</div>}
      {counts?.length === 0 && <div className="hint">This node has no relationships.</div>}
      {counts?.map((entry) => (
        <button
          key={`${entry.type}-${entry.direction}`}
          role="menuitem"
          onClick={() => onExpand({ type: entry.type, direction: entry.direction })}
          title={entry.count > pageSize ? `Adds the ${pageSize} most-connected first` : undefined}
        >
          {entry.direction === 'out' ? '→' : '←'} {entry.type} <span className="count">{entry.count}</span>
        </button>
      ))}
      <div className="menu-title">Node</div>
      <button role="menuitem" onClick={() => onAction('path-from')}>
        Find paths from here…
      </button>
      <button role="menuitem" onClick={() => onAction('collapse')}>
        Collapse (remove neighbours linked only to it)
      </button>
      <button role="menuitem" onClick={() => onAction('pin')}>
        Pin / unpin
      </button>
      <button role="menuitem" onClick={() => onAction('hide')}>
        Hide
      </button>
      <button role="menuitem" onClick={() => onAction('keep-selection')}>
        Remove everything but this
      </button>
      <button role="menuitem" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
