import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ApiEdge, ApiNode, QueryResult } from '../api/api';
import { formatDate, formatProperty } from '../inspect/format';

export interface ShownResult {
  /** What produced it: the saved query's name, or "Cypher console". */
  title: string;
  result: QueryResult;
}

interface Props {
  shown: ShownResult;
  onSelectRow: (nodes: ApiNode[], edges: ApiEdge[]) => void;
  onClose: () => void;
}

const isNode = (value: unknown): value is ApiNode =>
  !!value && typeof value === 'object' && 'id' in value && 'labels' in value && 'caption' in value;
const isEdge = (value: unknown): value is ApiEdge =>
  !!value && typeof value === 'object' && 'id' in value && 'type' in value && 'source' in value && 'target' in value;

/** The nodes and relationships anywhere in a row (in lists and paths too). */
export function elementsOf(row: unknown[]): { nodes: ApiNode[]; edges: ApiEdge[] } {
  const nodes: ApiNode[] = [];
  const edges: ApiEdge[] = [];
  const visit = (value: unknown) => {
    if (isNode(value)) nodes.push(value);
    else if (isEdge(value)) edges.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  row.forEach(visit);
  return { nodes, edges };
}

/** One value as people read it; the column's name says what a number is (`amountUsd`, `percent…`). */
export function formatCell(column: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (isNode(value)) return value.caption;
  if (isEdge(value)) return `:${value.type}`;
  const key = column.split('.').at(-1) ?? column;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (Array.isArray(value)) return value.map((item) => formatCell(key, item)).join(', ');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([name, item]) => `${name}: ${formatCell(name, item)}`)
      .join('; ');
  return formatProperty(key, value, {});
}

const minHeight = 120;
const maxShare = 0.7;

/**
 * Query results in a drawer along the bottom of the page, as tall as the user drags it (or sets it with
 * the arrow keys on its edge). A row selects its nodes on the canvas.
 */
export function ResultDrawer({ shown, onSelectRow, onClose }: Props) {
  const { result } = shown;
  // Opens as tall as its rows need (a header, a line per row), up to 260 px; then as the user drags it.
  const [height, setHeight] = useState(() => Math.max(minHeight, Math.min(260, 64 + 24 * result.rows.length)));
  const drag = useRef<{ startY: number; startHeight: number }>(undefined);
  const limit = (value: number) => Math.round(Math.max(minHeight, Math.min(window.innerHeight * maxShare, value)));
  const [active, setActive] = useState<number>();

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
  const choose = (index: number) => {
    setActive(index);
    const { nodes, edges } = elementsOf(result.rows[index]!);
    onSelectRow(nodes, edges);
  };

  return (
    <section className="drawer" style={{ height }} aria-label="Query results" data-testid="result-drawer">
      <div
        className="drawer-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the results"
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
        <h2>{shown.title}</h2>
        <span className="hint">
          {result.rows.length} row{result.rows.length === 1 ? '' : 's'} in {result.meta.elapsedMs} ms
          {result.meta.truncated && ' — truncated: refine the query to see the rest'}
          {result.rows.length > 0 && ' · a row selects its nodes'}
        </span>
        <button onClick={onClose} aria-label="Close the results">
          ×
        </button>
      </header>
      <div className="drawer-body">
        <table data-testid="result-table">
          <thead>
            <tr>
              {result.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, index) => (
              <tr
                key={index}
                tabIndex={0}
                aria-selected={active === index}
                onClick={() => choose(index)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    choose(index);
                  }
                }}
              >
                {row.map((value, column) => {
                  const name = result.columns[column] ?? '';
                  const text = formatCell(name, value);
                  return (
                    <td key={column} title={text} className={typeof value === 'number' ? 'number' : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
