import { useQuery } from '@tanstack/react-query';
import { api, type Graph } from '../api/api';
import { formatDate } from '../inspect/format';
import { figuresText, SourceName } from './Versions';

/** One position on a subject, as the inspector lists it beside the others. */
export interface PositionRow {
  id: string;
  name: string;
  stance: string;
  figures: string;
  /** "June 2025" for a position reported as of a date; "—" when the document gives none. */
  asOf: string;
  qualifier: string;
  sources: string[];
}

const figureKeys = ['percent', 'percentMin', 'percentMax', 'amountUsd', 'valuationUsd', 'amountAtRiskUsd'];

/**
 * The positions taken on a subject (the default dataset's `(position)-[:POSITION_ON]->(subject)`), side by
 * side: each with its stance, figures, the date it holds as of and its sources. Undated positions first, then
 * by date, so the latest stated position reads last.
 */
export function positionRows(graph: Graph, subject: string): PositionRow[] {
  const onSubject = new Set(
    graph.edges.filter((edge) => edge.type === 'POSITION_ON' && edge.target === subject).map((edge) => edge.source),
  );
  return graph.nodes
    .filter((node) => onSubject.has(node.id) && node.labels.includes('Position'))
    .map((node) => {
      const p = node.properties;
      const figures = Object.fromEntries(figureKeys.filter((key) => key in p).map((key) => [key, p[key]]));
      const asOf = typeof p.statusAsOf === 'string' ? formatDate(p.statusAsOf, p.statusAsOfPrecision) : '—';
      const qualifier = Array.isArray(p.qualifier)
        ? p.qualifier.join(', ')
        : typeof p.qualifier === 'string'
          ? p.qualifier
          : '—';
      return {
        id: node.id,
        name: node.caption,
        stance: typeof p.stance === 'string' ? p.stance : '—',
        figures: figuresText(figures),
        asOf,
        qualifier,
        sources: Array.isArray(p.sources) ? p.sources.map(String) : [],
        sortKey: typeof p.statusAsOf === 'string' ? p.statusAsOf : '',
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.id.localeCompare(b.id))
    .map(({ sortKey: _sortKey, ...row }) => row);
}

/** Positions on the selected issue (or project, complaint…), side by side and dated, in the inspector. */
export function PositionsOn({ id, title }: { id: string; title?: string }) {
  const answer = useQuery({
    queryKey: ['positions-on', id],
    queryFn: () => api.neighbours(id, { types: 'POSITION_ON', direction: 'in', limit: 100 }),
  });
  // A graph without positions answers with an error for the unknown type: nothing to show then.
  if (!answer.data) return null;
  const rows = positionRows(answer.data, id);
  if (!rows.length) return null;
  const subject = title ?? answer.data.nodes.find((node) => node.id === id)?.caption ?? id;
  return (
    <section className="positions" aria-label="Positions">
      <h3>Positions</h3>
      <table className="versions">
        <caption>
          {subject}: {rows.length} positions side by side
        </caption>
        <thead>
          <tr>
            <th scope="col">Stance</th>
            <th scope="col">Figures</th>
            <th scope="col">As of</th>
          </tr>
        </thead>
        {rows.map((row) => (
          <tbody key={row.id}>
            <tr className="statement">
              <th scope="rowgroup" colSpan={3}>
                {row.name}
              </th>
            </tr>
            <tr>
              <td>{row.qualifier === '—' ? row.stance : `${row.stance} (${row.qualifier})`}</td>
              <td>{row.figures}</td>
              <td>{row.asOf}</td>
            </tr>
            {/* Sources under the figures, across the table: a column of their own wrapped titles letter by letter. */}
            <tr className="version-sources">
              <td colSpan={3}>
                {row.sources.map((source, index) => (
                  <span key={source}>
                    {index > 0 && '; '}
                    <SourceName id={source} />
                  </span>
                ))}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </section>
  );
}
