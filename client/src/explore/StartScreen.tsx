import { kindStyle } from '../canvas/style';
import { labelLinks, overviewSize, placeLabels, shownLabels } from './overview';
import type { Start } from './useExplore';

interface Props {
  start: Start;
  /** Loads the most connected nodes of a label. */
  onOpenLabel: (label: string) => void;
  /** Opens the graph again after a failure. */
  onRetry: () => void;
}

/**
 * The first screen when the canvas is empty on a graph that is not the default dataset: the schema as a graph
 * of labels sized by their counts and joined by their relationship types, where a click on a label loads its
 * most connected nodes; or, on an empty database, how to load data.
 */
export function StartScreen({ start, onOpenLabel, onRetry }: Props) {
  if (start.kind === 'loading') {
    return (
      <section className="start-screen opening" aria-label="Opening the graph">
        <div className="spinner" aria-hidden="true" />
        <p role="status">Opening the graph…</p>
      </section>
    );
  }
  if (start.kind === 'failed') {
    return (
      <section className="start-screen" aria-label="The graph could not be opened">
        <h2>The graph could not be opened</h2>
        <p role="alert">{start.message}</p>
        <button onClick={onRetry}>Try again</button>
      </section>
    );
  }
  if (start.kind === 'empty') {
    return (
      <section className="start-screen" aria-label="Empty database">
        <h2>This database is empty</h2>
        <p>There is nothing to explore yet. To load data:</p>
        <ul>
          <li>
            load the example dataset with <code>npm run seed</code>, or
          </li>
          <li>
            point <code>NEO4J_URI</code> (with <code>NEO4J_USER</code> and <code>NEO4J_PASSWORD</code>) at a database
            that holds a graph, and restart Entente.
          </li>
        </ul>
        <p>Then reload this page.</p>
      </section>
    );
  }
  if (start.kind !== 'schema') return null;
  const labels = [...start.schema.labels].filter((label) => label.count > 0).sort((a, b) => b.count - a.count);
  const drawn = labels.slice(0, shownLabels);
  const places = placeLabels(drawn);
  const links = labelLinks(start.schema.links, new Set(places.keys()));
  const { width, height } = overviewSize;
  const total = labels.reduce((sum, label) => sum + label.count, 0);
  return (
    <section className="start-screen" aria-label="Overview of the database">
      <h2>What this database holds</h2>
      <p className="hint">
        {total.toLocaleString('en-US')} nodes under {labels.length} label{labels.length === 1 ? '' : 's'}. Choose a
        label to open its most connected nodes, or search above.
      </p>
      <div className="schema-graph" style={{ width, height }}>
        <svg width={width} height={height} aria-hidden="true">
          {links.map((link) => {
            const from = places.get(link.from)!;
            const to = places.get(link.to)!;
            const key = `${link.from}\u0000${link.to}`;
            if (link.from === link.to) {
              return (
                <g key={key}>
                  <title>{link.types.join(', ')}</title>
                  <circle cx={from.x} cy={from.y - from.size / 2 - 10} r={12} className="schema-link" />
                  <text x={from.x} y={from.y - from.size / 2 - 26} className="schema-type">
                    {link.caption}
                  </text>
                </g>
              );
            }
            return (
              <g key={key}>
                <title>{link.types.join(', ')}</title>
                <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} className="schema-link" />
                <text x={(from.x + to.x) / 2} y={(from.y + to.y) / 2 - 3} className="schema-type">
                  {link.caption}
                </text>
              </g>
            );
          })}
        </svg>
        {[...places.values()].map(({ x, y, size, label }) => (
          <button
            key={label.name}
            className="schema-label"
            style={{ left: x - size / 2, top: y - size / 2, width: size, height: size }}
            onClick={() => onOpenLabel(label.name)}
            aria-label={`${label.name}: ${label.count.toLocaleString('en-US')} nodes. Open the most connected`}
          >
            <span className="disc" style={{ background: kindStyle(label.name).color }} />
            <span className="name">
              {label.name} <span className="count">{label.count.toLocaleString('en-US')}</span>
            </span>
          </button>
        ))}
      </div>
      {labels.length > drawn.length && (
        <p className="hint">
          Also:{' '}
          {labels
            .slice(shownLabels)
            .map((label) => label.name)
            .join(', ')}
          .
        </p>
      )}
    </section>
  );
}
