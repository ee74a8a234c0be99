import { useQuery } from '@tanstack/react-query';
import type { Disagreement, DisagreementVersion, Graph } from '../api/api';
import { disagreementsQuery, nodeQuery } from '../api/queries';
import { formatDate, formatProperty, formatUntil } from '../inspect/format';

/** A source document by its title (one cached request per document). */
export function SourceName({ id }: { id: string }) {
  const found = useQuery(nodeQuery(id));
  return <>{found.data?.node.caption ?? id}</>;
}

/** A version's figures as people read them: "$13 billion", "30–35 %". */
export function figuresText(figures: Record<string, unknown>): string {
  const { percentMin, percentMax, ...rest } = figures;
  const parts = Object.entries(rest).map(([key, value]) => formatProperty(key, value, {}));
  if (typeof percentMin === 'number' && typeof percentMax === 'number') parts.push(`${percentMin}–${percentMax} %`);
  else if (typeof percentMin === 'number') parts.push(`at least ${percentMin} %`);
  else if (typeof percentMax === 'number') parts.push(`at most ${percentMax} %`);
  return parts.join(', ') || '—';
}

/** A disagreement group's key as words: "microsoft-total-investment" reads "Microsoft total investment". */
export function groupName(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function periodText(version: DisagreementVersion, graph: Graph): string {
  const element =
    version.kind === 'node'
      ? graph.nodes.find((node) => node.id === version.id)
      : graph.edges.find((edge) => edge.id === version.id);
  const properties = element?.properties ?? {};
  const since = version.since ? formatDate(version.since, properties.sincePrecision) : undefined;
  const until = version.until ? formatUntil(version.until, properties.untilPrecision) : undefined;
  if (since && until) return `${since} – ${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return '—';
}

/** The disagreement a node or relationship is a version of, if any. */
export function useDisagreementOf(id: string | undefined) {
  const answer = useQuery({ ...disagreementsQuery(), enabled: id !== undefined });
  const disagreement = answer.data?.disagreements.find((group) => group.versions.some((version) => version.id === id));
  return disagreement && answer.data ? { disagreement, graph: answer.data.graph } : undefined;
}

/** Every version of one fact side by side, source by source: never averaged. */
export function VersionsTable({
  disagreement,
  graph,
  current,
}: {
  disagreement: Disagreement;
  graph: Graph;
  current?: string;
}) {
  return (
    <table className="versions">
      <caption>
        {groupName(disagreement.id)}: the sources give {disagreement.versions.length} versions
      </caption>
      <thead>
        <tr>
          <th scope="col">Figures</th>
          <th scope="col">Qualifier</th>
          <th scope="col">Sources</th>
          <th scope="col">Period</th>
        </tr>
      </thead>
      <tbody>
        {disagreement.versions.map((version) => (
          <tr key={version.id} aria-current={version.id === current ? 'true' : undefined} title={version.claim ?? ''}>
            <td>{figuresText(version.figures)}</td>
            <td>{version.qualifier ?? '—'}</td>
            <td>
              {version.sources.length
                ? version.sources.map((source, index) => (
                    <span key={source}>
                      {index > 0 && '; '}
                      <SourceName id={source} />
                    </span>
                  ))
                : 'none'}
            </td>
            <td>{periodText(version, graph)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Versions of the selection's fact, in the inspector. */
export function SelectionVersions({ id }: { id: string }) {
  const found = useDisagreementOf(id);
  if (!found) return null;
  return (
    <section className="disagreement" aria-label="Sources disagree">
      <h3>Sources disagree</h3>
      <VersionsTable disagreement={found.disagreement} graph={found.graph} current={id} />
    </section>
  );
}

/** Every fact the sources state differently; each can be put on the canvas with its parties. */
export function DisagreementsPanel({ onShow }: { onShow: (graph: Graph, ids: string[]) => void }) {
  const answer = useQuery(disagreementsQuery());
  if (answer.isPending) return <p className="hint">Reading the disagreements…</p>;
  if (answer.error)
    return (
      <p className="error" role="alert">
        {answer.error.message}
      </p>
    );
  const { disagreements, graph } = answer.data;
  return (
    <section className="disagreements" aria-label="Disagreements">
      <p className="hint">
        {disagreements.length
          ? `${disagreements.length} facts the sources state differently. Each version keeps its own figures and sources.`
          : 'The sources agree on everything in this database.'}
        {graph.meta?.truncated === true &&
          ' Only the first of them (in key order), and of each at most 100 versions, are shown here.'}
      </p>
      {disagreements.map((disagreement) => {
        const ids = disagreement.versions.map((version) => version.id);
        return (
          <article key={disagreement.id}>
            <VersionsTable disagreement={disagreement} graph={graph} />
            <button
              onClick={() => {
                const edges = graph.edges.filter((edge) => ids.includes(edge.id));
                const ends = new Set([...ids, ...edges.flatMap((edge) => [edge.source, edge.target])]);
                onShow({ nodes: graph.nodes.filter((node) => ends.has(node.id)), edges }, ids);
              }}
            >
              Show on the canvas
            </button>
          </article>
        );
      })}
    </section>
  );
}
