import type { TimelineEntry } from './timeline';

interface Props {
  entries: (TimelineEntry & { drawn?: boolean })[];
  /** More dated relationships than are listed (the oldest are). */
  truncated?: boolean;
  /** The relationship selected now, marked in the list. */
  current?: string;
  onChoose: (edgeId: string) => void;
}

/**
 * A node's dated relationships as sentences, oldest first, drawn or not; choosing one selects and centres it
 * (adding it to the canvas first when it is not drawn).
 */
export function Timeline({ entries, truncated, current, onChoose }: Props) {
  return (
    <section className="timeline" aria-label="Timeline">
      <h3>Timeline</h3>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id}>
            <button
              className="link"
              aria-current={current === entry.id ? 'true' : undefined}
              onClick={() => onChoose(entry.id)}
              title={entry.drawn === false ? 'Not on the canvas: choosing it adds it' : undefined}
            >
              <time dateTime={entry.date}>{entry.when}</time> {entry.sentence}
              {entry.drawn === false && <span className="not-drawn"> (not drawn)</span>}
            </button>
          </li>
        ))}
      </ol>
      {truncated && <p className="hint">Only the oldest {entries.length} are listed.</p>}
    </section>
  );
}
