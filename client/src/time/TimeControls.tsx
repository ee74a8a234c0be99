import { formatDate } from '../inspect/format';
import { addDays, daysBetween } from './time';

interface Props {
  span?: { first: string; last: string };
  /** Where ticking As of or Compare starts (see timeDefaults). */
  defaults?: { asOf: string; compare: { from: string; to: string } };
  asOf?: string;
  compare?: { from: string; to: string };
  onAsOf(asOf: string | undefined): void;
  onCompare(compare: { from: string; to: string } | undefined): void;
}

/**
 * The date slider (the graph as of a day: what had not begun or had ended fades out) and the comparison
 * of two dates (what began between them is marked new, what ended is marked gone).
 */
export function TimeControls({ span, defaults, asOf, compare, onAsOf, onCompare }: Props) {
  if (!span || !defaults) return <div className="time hint">No dated relationships on the canvas.</div>;
  const total = Math.max(1, daysBetween(span.first, span.last));
  return (
    <div className="time" aria-label="Time">
      <label>
        <input
          type="checkbox"
          checked={!!asOf}
          onChange={(event) => onAsOf(event.target.checked ? defaults.asOf : undefined)}
        />
        As of
      </label>
      <input
        type="range"
        aria-label="As-of date"
        min={0}
        max={total}
        value={Math.max(0, Math.min(total, daysBetween(span.first, asOf ?? defaults.asOf)))}
        aria-valuetext={formatDate(asOf ?? defaults.asOf)}
        disabled={!asOf}
        onChange={(event) => onAsOf(addDays(span.first, Number(event.target.value)))}
      />
      <input
        type="date"
        aria-label="As-of day"
        value={asOf ?? ''}
        min={span.first}
        max={span.last}
        onChange={(event) => onAsOf(event.target.value || undefined)}
      />
      <label>
        <input
          type="checkbox"
          checked={!!compare}
          onChange={(event) => onCompare(event.target.checked ? defaults.compare : undefined)}
        />
        Compare
      </label>
      {compare && (
        <>
          <input
            type="date"
            aria-label="Compare from"
            value={compare.from}
            onChange={(event) => onCompare({ ...compare, from: event.target.value })}
          />
          <span>→</span>
          <input
            type="date"
            aria-label="Compare to"
            value={compare.to}
            onChange={(event) => onCompare({ ...compare, to: event.target.value })}
          />
          <span className="legend-new">new</span>
          <span className="legend-gone">gone</span>
        </>
      )}
    </div>
  );
}
