import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

const minHeight = 120;
const maxShare = 0.7;

interface Props {
  /** The drawer's accessible name ("Query results", "Ranked table"). */
  label: string;
  testId: string;
  className?: string;
  title: ReactNode;
  /** A line beside the title: how many rows, what a row does. */
  summary: ReactNode;
  closeLabel: string;
  resizeLabel: string;
  /** The height it opens at, in pixels; then as the user drags it. */
  initialHeight: number;
  onClose: () => void;
  /** The table. */
  children: ReactNode;
}

/**
 * A table in a drawer along the bottom of the page, as tall as the user drags it (or sets it with the arrow
 * keys on its edge): query results and the measures' ranking share it.
 */
export function Drawer({
  label,
  testId,
  className,
  title,
  summary,
  closeLabel,
  resizeLabel,
  initialHeight,
  onClose,
  children,
}: Props) {
  const limit = (value: number) => Math.round(Math.max(minHeight, Math.min(window.innerHeight * maxShare, value)));
  const [height, setHeight] = useState(() => Math.max(minHeight, initialHeight));
  const drag = useRef<{ startY: number; startHeight: number }>(undefined);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setHeight(limit(drag.current.startHeight + drag.current.startY - event.clientY));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowUp') setHeight(limit(height + step));
    else if (event.key === 'ArrowDown') setHeight(limit(height - step));
    else return;
    event.preventDefault();
  };
  return (
    <section
      className={className ? `drawer ${className}` : 'drawer'}
      style={{ height }}
      aria-label={label}
      data-testid={testId}
    >
      <div
        className="drawer-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label={resizeLabel}
        aria-valuenow={height}
        aria-valuemin={minHeight}
        aria-valuemax={Math.round(window.innerHeight * maxShare)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => (drag.current = undefined)}
        onKeyDown={onKeyDown}
      />
      <header className="drawer-header">
        <h2>{title}</h2>
        <span className="hint">{summary}</span>
        <button onClick={onClose} aria-label={closeLabel}>
          ×
        </button>
      </header>
      <div className="drawer-body">{children}</div>
    </section>
  );
}

interface RowProps {
  selected: boolean;
  onChoose: () => void;
  children: ReactNode;
  id?: string;
}

/** A table row chosen by a click, Enter or Space. */
export function DrawerRow({ selected, onChoose, children, id }: RowProps) {
  return (
    <tr
      data-id={id}
      tabIndex={0}
      aria-selected={selected}
      onClick={onChoose}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onChoose();
        }
      }}
    >
      {children}
    </tr>
  );
}
