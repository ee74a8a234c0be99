import { addDays, daysBetween } from './time';

/** Comparing the last two years of the data is a useful first picture; the dates can then be moved. */
function defaultCompareFrom(span: { first: string; last: string }): string {
  const twoYearsBefore = addDays(span.last, -730);
  return twoYearsBefore < span.first ? span.first : twoYearsBefore;
}

interface Props {
  span?: { first: string; last: string };
  asOf?: string;
  compare?: { from: string; to: string };
  onAsOf(asOf: string | undefined): void;
  onCompare(compare: { from: string; to: string } | undefined): void;
}

/**
 * The date slider (the graph as of a day: what had not begun or had ended fades out) and the comparison
 * of two dates (what began between them is marked new, what ended is marked gone).
 */
export function TimeControls({ span, asOf, compare, onAsOf, onCompare }: Props) {
  if (!span) return <div className="time hint">No dated relationships on the canvas.</div>;
  const total = Math.max(1, daysBetween(span.first, span.last));
  return (
    <div className="time" aria-label="Time">
      <label>
        <input
          type="checkbox"
          checked={!!asOf}
          onChange={(event) => onAsOf(event.target.checked ? span.last : undefined)}
        />
        As of
      </label>
      <input
        type="range"
        aria-label="As-of date"
        min={0}
        max={total}
        value={asOf ? Math.max(0, Math.min(total, daysBetween(span.first, asOf))) : total}
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
          onChange={(event) =>
            onCompare(event.target.checked ? { from: defaultCompareFrom(span), to: span.last } : undefined)
          }
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
