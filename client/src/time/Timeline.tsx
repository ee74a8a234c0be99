import type { TimelineEntry } from './timeline';

interface Props {
  entries: TimelineEntry[];
  /** The relationship selected now, marked in the list. */
  current?: string;
  onChoose: (edgeId: string) => void;
}

/** A node's dated relationships as sentences, oldest first; choosing one selects and centres it. */
export function Timeline({ entries, current, onChoose }: Props) {
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
            >
              <time dateTime={entry.date}>{entry.when}</time> {entry.sentence}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
