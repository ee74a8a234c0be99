import { useState } from 'react';
import { Drawer, DrawerRow } from '../app/Drawer';
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

/**
 * Query results in the bottom drawer (app/Drawer.tsx). A row selects its nodes on the canvas.
 */
export function ResultDrawer({ shown, onSelectRow, onClose }: Props) {
  const { result } = shown;
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

  const choose = (index: number) => {
    setActive(index);
    const { nodes, edges } = elementsOf(result.rows[index]!);
    onSelectRow(nodes, edges);
  };

  return (
    <Drawer
      label="Query results"
      testId="result-drawer"
      title={shown.title}
      summary={
        <>
          {result.rows.length} row{result.rows.length === 1 ? '' : 's'} in {result.meta.elapsedMs} ms
          {result.meta.truncated && ' — truncated: refine the query to see the rest'}
          {result.rows.length > 0 && ' · a row selects its nodes'}
        </>
      }
      closeLabel="Close the results"
      resizeLabel="Resize the results"
      // As tall as its rows need (a header, a line per row), up to 260 px.
      initialHeight={Math.min(260, 64 + 24 * result.rows.length)}
      onClose={onClose}
    >
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
            <DrawerRow key={index} selected={active === index} onChoose={() => choose(index)}>
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
            </DrawerRow>
          ))}
        </tbody>
      </table>
    </Drawer>
  );
}
