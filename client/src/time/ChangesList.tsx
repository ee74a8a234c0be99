import { useQuery } from '@tanstack/react-query';
import type { ChangeEntry, Graph } from '../api/api';
import { changesQuery } from '../api/queries';
import { SourceName } from '../evidence/Versions';
import { formatDate, formatUntil } from '../inspect/format';
import { datingEntries, timeOf, type Dating, type Time } from './dating';
import { verbOf } from './timeline';
import { readableProblem } from '../queries/readable';

interface Props {
  from: string;
  to: string;
  /** What dates each label and type: the server reads the changes with it. */
  dating: Dating;
  /** Puts the changed elements (with their ends) on the canvas; `focus` is the one to select. */
  onShow: (graph: Graph, focus?: { kind: 'node' | 'edge'; id: string }) => void;
}

/** The element a change is about, with the nodes at its ends. */
function pieceOf(graph: Graph, changes: ChangeEntry[]): Graph {
  const ids = new Set(changes.map((change) => change.id));
  const edges = graph.edges.filter((edge) => ids.has(edge.id));
  const nodes = new Set([...ids, ...edges.flatMap((edge) => [edge.source, edge.target])]);
  return { nodes: graph.nodes.filter((node) => nodes.has(node.id)), edges };
}

/** A change as a sentence: its claim, or who did what to whom. */
function sentenceOf(change: ChangeEntry, graph: Graph, dating: Dating): { when: string; text: string } {
  const element =
    change.kind === 'node'
      ? graph.nodes.find((node) => node.id === change.id)
      : graph.edges.find((edge) => edge.id === change.id);
  const time: Time = element ? timeOf(element, dating) : {};
  const when =
    change.change === 'ended'
      ? formatUntil(change.date, time.untilPrecision)
      : formatDate(change.date, time.sincePrecision);
  if (change.claim) return { when, text: change.claim };
  const caption = (id: string) => graph.nodes.find((node) => node.id === id)?.caption ?? id;
  if (element && 'type' in element) {
    return {
      when,
      text: `${caption(element.source)} ${verbOf(element.type, element.properties)} ${caption(element.target)}`,
    };
  }
  return { when, text: caption(change.id) };
}

/** What began and what ended between the two compared dates, as sentences with their sources. */
export function ChangesList({ from, to, dating, onShow }: Props) {
  const answer = useQuery(changesQuery(from, to, datingEntries(dating)));
  if (answer.isPending) return <p className="hint">Reading what changed…</p>;
  if (answer.error)
    return (
      <p className="error" role="alert">
        {readableProblem(answer.error.message, { from: 'the first day', to: 'the last day' })}
      </p>
    );
  const { changes, graph, meta } = answer.data;
  const began = changes.filter((change) => change.change === 'began').length;
  return (
    <section className="changes" aria-label="Changes">
      <h3>
        {changes.length} change{changes.length === 1 ? '' : 's'} from {formatDate(from)} to {formatDate(to)}
      </h3>
      <p className="hint">
        {began} began, {changes.length - began} ended{meta.truncated ? ' (the first ones only: narrow the dates)' : ''}.{' '}
        {changes.length > 0 && (
          <button className="link" onClick={() => onShow(pieceOf(graph, changes))}>
            Show them all on the canvas
          </button>
        )}
      </p>
      <ol>
        {changes.map((change) => {
          const { when, text } = sentenceOf(change, graph, dating);
          return (
            <li key={`${change.change}:${change.id}`} className={change.change}>
              <button
                className="link"
                onClick={() =>
                  onShow(pieceOf(graph, [change]), { kind: change.kind === 'node' ? 'node' : 'edge', id: change.id })
                }
              >
                <strong>{change.change === 'began' ? 'Began' : 'Ended'}</strong>{' '}
                <time dateTime={change.date}>{when}</time>: {text}
              </button>
              {change.sources.length > 0 && (
                <span className="meta">
                  {' '}
                  (
                  {change.sources.map((source, index) => (
                    <span key={source}>
                      {index > 0 && '; '}
                      <SourceName id={source} />
                    </span>
                  ))}
                  )
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
