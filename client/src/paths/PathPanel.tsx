import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiEdge, ApiNode } from '../api/api';
import { pathsQuery } from '../api/queries';
import { formatDate } from '../inspect/format';
import { datingEntries, type Dating } from '../time/dating';
import {
  defaultHopLimit,
  drawnSteps,
  hopLimits,
  pathChain,
  rankings,
  reasonsText,
  searchTime,
  widerLimit,
  type RankedPath,
  type Ranking,
} from './pathChain';
import { toggleExclude } from './pathExclude';
import type { PathExclusion } from './usePathExclude';

interface Props {
  from: string;
  to: string;
  /** What the canvas draws: a path's other steps are said to be missing, and only its drawn part lights up. */
  nodes: Record<string, ApiNode>;
  edges: Record<string, ApiEdge>;
  /** What dates each label and type, for the paths' years and the most-recent ranking. */
  dating: Dating;
  /** The explorer's as-of day: only paths whose every relationship held that day are found. */
  asOf?: string;
  /** The relationship types never stepped through, and the choice of them. */
  exclusion: PathExclusion;
  /** The path shown now: its elements are highlighted on the canvas. */
  onShow: (path: RankedPath | undefined) => void;
  onAdd: (path: RankedPath) => void;
  onClose: () => void;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The relationship types a search never steps through, ticked in a list of the database's types. */
function ExcludeControl({ exclusion, onChange }: { exclusion: PathExclusion; onChange: () => void }) {
  const { types, excluded } = exclusion;
  const summary =
    excluded.length === 0 ? 'nothing' : excluded.length <= 2 ? excluded.join(', ') : `${excluded.length} types`;
  return (
    <details className="path-exclude">
      <summary>Never step through: {summary}</summary>
      {types.length === 0 ? (
        <p className="hint">Reading the relationship types…</p>
      ) : (
        <fieldset>
          <legend>Relationship types no path may step through</legend>
          {types.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={excluded.includes(type)}
                onChange={() => {
                  exclusion.choose(toggleExclude(excluded, type, types));
                  onChange();
                }}
              />{' '}
              {type}
            </label>
          ))}
        </fieldset>
      )}
    </details>
  );
}

/** The current path step by step: which steps the canvas draws (highlighted) and which it does not yet. */
function CurrentPath({
  path,
  from,
  nodes,
  edges,
}: {
  path: RankedPath;
  from: string;
  nodes: Record<string, ApiNode>;
  edges: Record<string, ApiEdge>;
}) {
  const { steps, missingNodes } = drawnSteps(path, from, { nodes, edges });
  const missing = steps.filter((step) => !step.drawn).length;
  return (
    <div className="path-current" data-testid="current-path">
      <ol className="path-drawn" aria-label={`Steps of path ${path.meta.rank}`}>
        {steps.map((step, index) => (
          <li key={index} className={step.drawn ? 'drawn' : 'missing'}>
            {step.text} <span className="tag">{step.drawn ? 'highlighted' : 'not on the canvas'}</span>
          </li>
        ))}
      </ol>
      {missing === 0 ? (
        <p className="hint">Every step is on the canvas and highlighted.</p>
      ) : (
        <p className="path-missing" role="note">
          {missing === steps.length
            ? 'None of its steps is on the canvas yet'
            : `${missing} of ${steps.length} steps ${missing === 1 ? 'is' : 'are'} not on the canvas yet (the others are highlighted)`}
          {missingNodes.length > 0 && `; adding it draws ${missingNodes.map((node) => node.caption).join(', ')}`}.
        </p>
      )}
    </div>
  );
}

/**
 * The paths between two nodes, best first by a chosen ranking, each written as a chain with the evidence of
 * its steps; one is shown at a time (step through with Previous and Next: what of it the canvas draws lights
 * up, what it does not is listed) and added on demand. The search follows the as-of day and never steps
 * through the types the user marked (provenance, MENTIONED_IN, by default).
 */
export function PathPanel({ from, to, nodes, edges, dating, asOf, exclusion, onShow, onAdd, onClose }: Props) {
  const [rank, setRank] = useState<Ranking>('hops');
  const [maxHops, setMaxHops] = useState<number>(defaultHopLimit);
  const options = { rank, maxHops, asOf, dating: datingEntries(dating), exclude: exclusion.sent };
  const wider = widerLimit(maxHops);
  // Which path is current, for this search: another ranking, day or exclusion starts again from the best.
  const search = JSON.stringify(options);
  const [chosen, setChosen] = useState({ search, index: 0 });
  const answer = useQuery({ ...pathsQuery(from, to, options), enabled: exclusion.ready });
  const paths = answer.data?.paths ?? [];
  const current = chosen.search === search ? Math.min(chosen.index, Math.max(paths.length - 1, 0)) : 0;
  const setCurrent = (index: number) => setChosen({ search, index });
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
        <select value={rank} onChange={(event) => setRank(event.target.value as Ranking)}>
          {rankings.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        At most{' '}
        <select value={maxHops} onChange={(event) => setMaxHops(Number(event.target.value))}>
          {hopLimits.map(([hops, name]) => (
            <option key={hops} value={hops}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <ExcludeControl exclusion={exclusion} onChange={() => setCurrent(0)} />
      {asOf && <p className="hint">Only paths that held on {formatDate(asOf)} (As of).</p>}
      {answer.isPending && <p className="hint">Finding paths…</p>}
      {answer.error && (
        <p className="error" role="alert">
          {answer.error.message}
        </p>
      )}
      {answer.data?.nextShortest === false && paths.length > 0 && (
        <p className="hint">
          Only the shortest paths are listed: looking for longer ones took too long around these busy nodes.
        </p>
      )}
      {answer.data && !paths.length && (
        <p className="hint" role="note">
          No path of {maxHops} steps or fewer joins these two nodes{asOf ? ` on ${formatDate(asOf)}` : ''} (searched in{' '}
          {searchTime(answer.data.seconds)}).
          {wider && (
            <>
              {' '}
              <button className="link" onClick={() => setMaxHops(wider)}>
                Look up to {wider} steps
              </button>{' '}
              (each step more can multiply the time).
            </>
          )}
        </p>
      )}
      {paths.length > 0 && answer.data && (
        <p className="hint">
          Found in {searchTime(answer.data.seconds)}, up to {maxHops} steps.
        </p>
      )}
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
            {paths.map((path, index) => {
              const missing = path.nodes.filter((node) => !nodes[node.id]).length;
              return (
                <li key={index} aria-current={index === current ? 'true' : undefined}>
                  <button className="link chain" onClick={() => setCurrent(index)}>
                    {pathChain(path, from, dating)}
                  </button>
                  <span className="meta">
                    {reasonsText(path.meta.reasons, caption)}
                    {index !== current && missing > 0 && ` · ${plural(missing, 'node')} not on the canvas yet`}
                  </span>
                  {index === current && <CurrentPath path={path} from={from} nodes={nodes} edges={edges} />}
                  <button onClick={() => onAdd(path)}>Add this path</button>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
