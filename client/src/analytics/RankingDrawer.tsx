import { useMemo, useState } from 'react';
import type { Analysis, RankedMeasure } from '../../../shared/analytics/measures.js';
import { Drawer, DrawerRow } from '../app/Drawer';
import { own } from '../app/records';
import { communityColour, formatValue, rankedMeasures, valueOf } from './looks';

interface Props {
  analysis: Analysis;
  captionOf: (id: string) => string;
  selected?: string;
  /** The measure ranked by at first (the one nodes are sized by, else betweenness). */
  initial?: RankedMeasure;
  onSelect: (id: string) => void;
  onClose: () => void;
}

/** Rows shown at most: the highest ranked (the canvas may hold thousands). */
const maxRows = 500;

/** The drawn nodes ranked by a measure, in the bottom drawer (app/Drawer.tsx); a row selects its node on the canvas. */
export function RankingDrawer({ analysis, captionOf, selected, initial, onSelect, onClose }: Props) {
  const columns = rankedMeasures.filter((measure) => analysis.ranks[measure.key]);
  const [by, setBy] = useState<RankedMeasure>(initial ?? 'betweenness');
  const sortBy = analysis.ranks[by] ? by : 'degree';
  const rows = useMemo(
    () =>
      Object.keys(analysis.values)
        .map((id) => ({ id, rank: own(analysis.ranks[sortBy], id) ?? 0 }))
        .sort((a, b) => a.rank - b.rank || captionOf(a.id).localeCompare(captionOf(b.id)))
        .slice(0, maxRows),
    [analysis, sortBy, captionOf],
  );
  const hasCommunities = analysis.communities.length > 0;
  return (
    <Drawer
      label="Ranked table"
      testId="ranking-drawer"
      className="ranking"
      title={<>Ranked by {rankedMeasures.find((measure) => measure.key === sortBy)?.name.toLowerCase()}</>}
      summary={
        <>
          {analysis.nodeCount.toLocaleString('en')} nodes shown
          {analysis.nodeCount > maxRows && `, the first ${maxRows} listed`} · a column heading sorts · a row selects its
          node
        </>
      }
      closeLabel="Close the ranked table"
      resizeLabel="Resize the ranked table"
      initialHeight={240}
      onClose={onClose}
    >
      <table data-testid="ranking-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Node</th>
            {columns.map((measure) => (
              <th key={measure.key} scope="col" aria-sort={measure.key === sortBy ? 'descending' : undefined}>
                <button className="link" onClick={() => setBy(measure.key)}>
                  {measure.name}
                </button>
              </th>
            ))}
            {hasCommunities && <th scope="col">Community</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, rank }) => {
            const values = own(analysis.values, id);
            return (
              <DrawerRow key={id} id={id} selected={selected === id} onChoose={() => onSelect(id)}>
                <td className="number">{rank}</td>
                <td>{captionOf(id)}</td>
                {columns.map((measure) => (
                  <td key={measure.key} className="number">
                    {formatValue(measure.key, valueOf(values, measure.key))}
                  </td>
                ))}
                {hasCommunities && (
                  <td>
                    {values?.community !== undefined && (
                      <>
                        <span className="swatch" style={{ background: communityColour(values.community) }} />{' '}
                        {values.community + 1}
                      </>
                    )}
                  </td>
                )}
              </DrawerRow>
            );
          })}
        </tbody>
      </table>
    </Drawer>
  );
}
