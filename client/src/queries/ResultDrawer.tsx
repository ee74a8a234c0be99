import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ApiEdge, ApiNode, QueryResult } from '../api/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { elementsOf, formatCell } from './readable';

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
  // Another answer starts with no row chosen.
  const [answered, setAnswered] = useState(shown);
  if (answered !== shown) {
    setAnswered(shown);
    setActive(undefined);
  }
  // Source documents are cited by id: their captions are read once for the whole table.
  const cited = [
    ...new Set(
      result.rows.flatMap((row) =>
        row.flatMap((value, column) =>
          /^sources?$/.test(result.columns[column]?.split('.').at(-1) ?? '')
            ? [value].flat().filter((id): id is string => typeof id === 'string')
            : [],
        ),
      ),
    ),
  ].sort();
  const captions = useQuery({
    queryKey: ['captions', cited],
    queryFn: async () =>
      Object.fromEntries((await api.subgraph(cited)).nodes.map((node) => [node.id, node.caption] as const)),
    enabled: cited.length > 0,
  }).data;

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
                  const byName = Object.fromEntries(result.columns.map((key, at) => [key, row[at]]));
                  const text = formatCell(name, value, { row: byName, captions });
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
