import { useQuery } from '@tanstack/react-query';
import type { Graph } from '../api/api';
import { disagreementsQuery } from '../api/queries';
import { VersionsTable } from './Versions';
import { PositionsOn } from './Positions';
import { issuesWithPositions } from '../app/dataset';

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
          ? `${disagreements.length} ${disagreements.length === 1 ? 'fact' : 'facts'} the sources state differently. Each version keeps its own figures and sources.`
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
      <h3>Positions in the negotiation</h3>
      <p className="hint">
        Not disagreements: what each side wants, offers or asks, side by side, each dated and sourced.
      </p>
      {issuesWithPositions.map((issue) => (
        <article key={issue}>
          <PositionsOn id={issue} />
        </article>
      ))}
    </section>
  );
}
