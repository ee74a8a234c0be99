import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiNode } from '../api/api';
import { pathsQuery } from '../api/queries';
import { datingEntries, type Dating } from '../time/dating';
import { pathChain, rankings, reasonsText, type RankedPath, type Ranking } from './pathChain';

interface Props {
  from: string;
  to: string;
  nodes: Record<string, ApiNode>;
  /** What dates each label and type, for the paths' years and the most-recent ranking. */
  dating: Dating;
  /** The path shown now: its elements are highlighted on the canvas. */
  onShow: (path: RankedPath | undefined) => void;
  onAdd: (path: RankedPath) => void;
  onClose: () => void;
}

/**
 * The paths between two nodes, best first by a chosen ranking, each written as a chain with the evidence of
 * its steps; one is shown at a time (step through with Previous and Next) and added on demand.
 */
export function PathPanel({ from, to, nodes, dating, onShow, onAdd, onClose }: Props) {
  const [rank, setRank] = useState<Ranking>('hops');
  const [current, setCurrent] = useState(0);
  const answer = useQuery(pathsQuery(from, to, rank, datingEntries(dating)));
  const paths = answer.data?.paths ?? [];
  const shown = paths[current];
  useEffect(() => onShow(shown), [shown, onShow]);
  const caption = (id: string) =>
    nodes[id]?.caption ?? paths.flatMap((path) => path.nodes).find((node) => node.id === id)?.caption ?? id;

  return (
    <section className="paths" aria-label="Paths">
      <header>
        <h3>
          Paths from {caption(from)} to {caption(to)}
        </h3>
        <button onClick={onClose} aria-label="Close the paths">
          ×
        </button>
      </header>
      <label>
        Rank by{' '}
        <select
          value={rank}
          onChange={(event) => {
            setRank(event.target.value as Ranking);
            setCurrent(0);
          }}
        >
          {rankings.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {answer.isPending && <p className="hint">Finding paths…</p>}
      {answer.error && (
        <p className="error" role="alert">
          {answer.error.message}
        </p>
      )}
      {answer.data && !paths.length && <p className="hint">No path of 4 steps or fewer joins these two nodes.</p>}
      {paths.length > 0 && (
        <>
          <div className="path-steps">
            <button disabled={current === 0} onClick={() => setCurrent(current - 1)}>
              Previous
            </button>
            <span role="status">
              Path {current + 1} of {paths.length}
            </span>
            <button disabled={current >= paths.length - 1} onClick={() => setCurrent(current + 1)}>
              Next
            </button>
          </div>
          <ol className="path-list">
            {paths.map((path, index) => (
              <li key={index} aria-current={index === current ? 'true' : undefined}>
                <button className="link chain" onClick={() => setCurrent(index)}>
                  {pathChain(path, from, dating)}
                </button>
                <span className="meta">
                  {reasonsText(path.meta.reasons, caption)}
                  {path.nodes.some((node) => !nodes[node.id]) && ' · not on the canvas yet'}
                </span>
                <button onClick={() => onAdd(path)}>Add this path</button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
