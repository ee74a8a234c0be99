import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate } from '../inspect/format';
import { addDays, daysBetween, histogram, nextPeriod } from './time';

interface Props {
  span?: { first: string; last: string };
  /** Where ticking As of or Compare starts (see timeDefaults). */
  defaults?: { asOf: string; compare: { from: string; to: string } };
  asOf?: string;
  compare?: { from: string; to: string };
  onAsOf: (asOf: string | undefined) => void;
  onCompare: (compare: { from: string; to: string } | undefined) => void;
  /** The dated properties on the canvas, for the histogram of what began and ended when. */
  dated?: Record<string, unknown>[];
  /** The control that chooses which properties date what (time/DatingDialog.tsx). */
  dates?: ReactNode;
  /** The graph is still opening: nothing is said about its dates yet. */
  loading?: boolean;
}

const histogramHeight = 22;

/** Bars of what began (up, green) and ended (down, red) per period, laid under the slider's track. */
function Histogram({ dated, span }: { dated: Record<string, unknown>[]; span: { first: string; last: string } }) {
  const { unit, bins } = useMemo(() => histogram(dated, span), [dated, span]);
  const most = Math.max(1, ...bins.map((bin) => Math.max(bin.began, bin.ended)));
  const width = 100 / bins.length;
  const half = histogramHeight / 2;
  const began = bins.reduce((sum, bin) => sum + bin.began, 0);
  const ended = bins.reduce((sum, bin) => sum + bin.ended, 0);
  return (
    <svg
      className="histogram"
      role="img"
      aria-label={`Dated events per ${unit}: ${began} began and ${ended} ended between ${formatDate(span.first)} and ${formatDate(span.last)}`}
      viewBox={`0 0 100 ${histogramHeight}`}
      preserveAspectRatio="none"
      data-testid="histogram"
    >
      {bins.map((bin, index) => (
        <g key={bin.start}>
          <title>{`${formatDate(bin.start, unit)}: ${bin.began} began, ${bin.ended} ended`}</title>
          {bin.began > 0 && (
            <rect
              className="began"
              x={index * width}
              width={Math.max(width * 0.8, 0.4)}
              y={half - (half * bin.began) / most}
              height={(half * bin.began) / most}
            />
          )}
          {bin.ended > 0 && (
            <rect
              className="ended"
              x={index * width}
              width={Math.max(width * 0.8, 0.4)}
              y={half}
              height={(half * bin.ended) / most}
            />
          )}
        </g>
      ))}
    </svg>
  );
}

type Span = NonNullable<Props['span']>;
type Defaults = NonNullable<Props['defaults']>;
type BarProps = Omit<Props, 'dates' | 'loading' | 'span' | 'defaults'> & { span: Span; defaults: Defaults };

/**
 * The date slider (the graph as of a day: what had not begun or had ended fades out) and the comparison
 * of two dates (what began between them is marked new, what ended is marked gone).
 */
function AsOfBar({ span, defaults, asOf, compare, onAsOf, onCompare, dated = [] }: BarProps) {
  const [playing, setPlaying] = useState(false);
  const unit = Number(span.last.slice(0, 4)) - Number(span.first.slice(0, 4)) <= 10 ? 'month' : 'year';
  // Playing moves the date one period forward every 600 ms, and stops at the last date.
  useEffect(() => {
    if (!playing || !asOf) return;
    const timer = setTimeout(() => {
      const next = nextPeriod(asOf, unit);
      if (next > span.last) {
        onAsOf(span.last);
        setPlaying(false);
      } else onAsOf(next);
    }, 600);
    return () => clearTimeout(timer);
  }, [playing, asOf, span, unit, onAsOf]);
  const total = Math.max(1, daysBetween(span.first, span.last));
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={!!asOf}
          onChange={(event) => onAsOf(event.target.checked ? defaults.asOf : undefined)}
        />
        As of
      </label>
      <button
        aria-label={playing ? 'Pause' : 'Play forward'}
        title={playing ? 'Pause' : `Play forward, one ${unit} at a time`}
        onClick={() => {
          if (playing) return setPlaying(false);
          // From the start when no date is set or the last one is reached.
          if (!asOf || asOf >= span.last) onAsOf(span.first);
          setPlaying(true);
        }}
      >
        {playing ? '❚❚' : '▶'}
      </button>
      <div className="time-scale">
        <Histogram dated={dated} span={span} />
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
      </div>
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
    </>
  );
}

/** The time bar: the As of and Compare controls once something on the canvas is dated, and the Dates control. */
export function TimeControls({ dates, loading, span, defaults, ...bar }: Props) {
  const dated = span && defaults;
  // One root, with the Dates control always its last child: the first dating chosen makes the canvas dated, and
  // a Dates control mounted anew elsewhere would close its dialog on that first choice.
  return (
    // A region (a landmark, so that axe finds nothing of the page outside one) in every state.
    <section className={dated ? 'time' : 'time hint'} aria-label="Time">
      {dated ? (
        <AsOfBar {...bar} span={span} defaults={defaults} />
      ) : loading ? null : (
        'Nothing on the canvas is dated. '
      )}
      {dated || !loading ? dates : null}
    </section>
  );
}
