import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TypeCount } from '../api/api';
import { relationshipsQuery } from '../api/queries';

export type MenuAction = 'hide' | 'pin' | 'collapse' | 'keep-only' | 'path-from';

/** One line of the expand menu: a relationship type in one direction. */
export type ExpandChoice = Pick<TypeCount, 'type' | 'direction'>;

interface Props {
  nodeId: string;
  at: { x: number; y: number };
  pageSize: number;
  onExpand: (choice: ExpandChoice) => void;
  onAction: (action: MenuAction) => void;
  onClose: () => void;
  /** How many relationships of a type and direction the canvas draws already. */
  drawn?: (choice: ExpandChoice) => number;
}

/**
 * Type-ahead, as in any menu: the next item after `at` (round to the first) whose words, arrows and counts
 * aside, start with `letter`; "P" goes to the PARTY_TO lines, then to Pin.
 */
function nextStartingWith(items: HTMLButtonElement[], at: number, letter: string): HTMLButtonElement | undefined {
  const wanted = letter.toLocaleLowerCase();
  const starts = (item: HTMLButtonElement) =>
    (item.textContent ?? '')
      .replace(/^[^\p{L}]+/u, '')
      .toLocaleLowerCase()
      .startsWith(wanted);
  return [...items.slice(at + 1), ...items.slice(0, at + 1)].find(starts);
}

/**
 * A node's context menu: its relationships per type and direction with counts, each expanded one page
 * at a time, so a node with thousands of neighbours is never expanded all at once.
 */
export function ExpandMenu({ nodeId, at, pageSize, onExpand, onAction, onClose, drawn }: Props) {
  const relationships = useQuery(relationshipsQuery(nodeId));
  const counts: TypeCount[] | undefined = relationships.data?.relationships;
  const error = relationships.error?.message;
  const element = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState(at);

  // Inside the window whatever its size: moved left and up from the click point as far as it must, again
  // whenever its content grows (the counts arrive after it opens).
  useLayoutEffect(() => {
    const menu = element.current!;
    const clamp = () => {
      const margin = 8;
      const { width, height } = menu.getBoundingClientRect();
      setPlace({
        x: Math.max(margin, Math.min(at.x, window.innerWidth - width - margin)),
        y: Math.max(margin, Math.min(at.y, window.innerHeight - height - margin)),
      });
    };
    clamp();
    const observer = new ResizeObserver(clamp);
    observer.observe(menu);
    window.addEventListener('resize', clamp);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', clamp);
    };
  }, [at]);

  // Escape, or a press anywhere outside it, closes it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    const onPress = (event: PointerEvent) => {
      if (!element.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPress, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPress, true);
    };
  }, [onClose]);

  // Keyboard users land in it, and go back to what opened it when it closes (the canvas when that is gone),
  // never to the page's body; unless they went elsewhere themselves.
  useEffect(() => {
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && active !== document.body ? active : undefined;
    const menu = element.current!;
    menu.focus({ preventScroll: true });
    return () => {
      const now = document.activeElement;
      if (now && now !== document.body && !menu.contains(now)) return;
      const back = opener?.isConnected ? opener : document.getElementById('graph-canvas');
      back?.focus({ preventScroll: true });
    };
  }, []);

  return (
    // In a region of its own: it opens over the page, outside its landmarks.
    <div role="region" aria-label="Node menu">
      <div
        ref={element}
        className="context-menu"
        role="menu"
        aria-label="Node actions"
        onKeyDown={(event) => {
          // Arrow keys move between the items, as in any menu; Home and End go to the first and last.
          const items = [...element.current!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          const next =
            event.key.length === 1 && /\p{L}/u.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey
              ? nextStartingWith(items, at, event.key)
              : event.key === 'ArrowDown'
                ? items[(at + 1) % items.length]
                : event.key === 'ArrowUp'
                  ? items[(at - 1 + items.length) % items.length]
                  : event.key === 'Home'
                    ? items[0]
                    : event.key === 'End'
                      ? items.at(-1)
                      : undefined;
          if (!next) return;
          event.preventDefault();
          next.focus();
        }}
        tabIndex={-1}
        style={{ left: place.x, top: place.y }}
        data-testid="expand-menu"
      >
        <div className="menu-title">Expand</div>
        {!counts && !error && <div className="hint">Loading relationships…</div>}
        {error && <div className="error">{error}</div>}
        {counts?.length === 0 && <div className="hint">This node has no relationships.</div>}
        {counts?.map((entry) => {
          const all = (drawn?.(entry) ?? 0) >= entry.count;
          return (
            <button
              key={`${entry.type}-${entry.direction}`}
              role="menuitem"
              onClick={() => onExpand({ type: entry.type, direction: entry.direction })}
              title={
                all
                  ? 'All of them are on the canvas'
                  : entry.count > pageSize
                    ? `Adds the ${pageSize} most-connected first`
                    : undefined
              }
            >
              {entry.direction === 'out' ? '→' : '←'} {entry.type}{' '}
              <span className="count">{all ? `${entry.count}, all drawn` : entry.count}</span>
            </button>
          );
        })}
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
        <button role="menuitem" onClick={() => onAction('keep-only')}>
          Remove everything but this
        </button>
        <button role="menuitem" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
