/** Time on the canvas: dates are ISO `YYYY-MM-DD` strings, which compare correctly as text. */

type Dated = Record<string, unknown>;

/**
 * The calendar day a time property stands for: the one rule the server applies too
 * (cypher/fragments/date-of.cypher). The API writes dates, datetimes and local datetimes as ISO text, whose
 * first ten characters are the day in the value's own zone; text that begins with a real calendar day is
 * that day; an integer is a year, standing for its first day.
 */
export function dateOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const day = value.slice(0, 10);
    // Only a real calendar day: 2023-02-29 is no date.
    return /^\d{4}-\d{2}-\d{2}$/.test(day) &&
      !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
      new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)
      ? day
      : undefined;
  }
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 10_000) {
    return `${String(value).padStart(4, '0')}-01-01`;
  }
  return undefined;
}

/** Valid on `asOf` when it has begun (`since ≤ asOf`) and not ended (`asOf < until`); missing bounds are open. */
export function validOn(properties: Dated, asOf: string): boolean {
  const since = dateOf(properties.since);
  const until = dateOf(properties.until);
  return (!since || since <= asOf) && (!until || asOf < until);
}

export type Change = 'new' | 'gone' | 'same';

/** Between two dates: begun in (from, to] is new, ended in (from, to] is gone. */
export function changeBetween(properties: Dated, from: string, to: string): Change {
  const since = dateOf(properties.since);
  const until = dateOf(properties.until);
  if (until && from < until && until <= to) return 'gone';
  if (since && from < since && since <= to) return 'new';
  return 'same';
}

/** The first and last dates of a set of dated items (for the slider's range). */
export function dateSpan(items: Dated[]): { first: string; last: string } | undefined {
  const dates = items.flatMap((item) => [dateOf(item.since), dateOf(item.until)]).filter((d): d is string => !!d);
  if (!dates.length) return undefined;
  dates.sort();
  return { first: dates[0]!, last: dates.at(-1)! };
}

/** Day `index` after `first` as an ISO date, and back: the slider moves in days. */
export function addDays(first: string, days: number): string {
  const date = new Date(`${first}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
}

/** Today as an ISO date (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Every distinct date something began or ended, sorted. */
function changeDates(items: Dated[]): string[] {
  return [
    ...new Set(items.flatMap((item) => [dateOf(item.since), dateOf(item.until)]).filter((d): d is string => !!d)),
  ].sort();
}

/**
 * Where the time controls open: as of the latest date something began or ended that is not after `now`
 * (planned, future dates would fade what holds today), and a comparison that ends there and reaches back
 * about two years, far enough to hold at least one other change.
 */
export function timeDefaults(
  items: Dated[],
  now = today(),
): { asOf: string; compare: { from: string; to: string } } | undefined {
  const dates = changeDates(items);
  const past = dates.filter((date) => date <= now);
  const to = past.at(-1) ?? dates[0];
  if (!to) return undefined;
  const earlier = dates.filter((date) => date < to);
  const twoYearsBefore = addDays(to, -730);
  // Begun in (from, to]: from is the day before the latest change at or before two years back, else before the first.
  const start = earlier.filter((date) => date <= twoYearsBefore).at(-1) ?? earlier[0] ?? to;
  return { asOf: to, compare: { from: addDays(start, -1), to } };
}

export interface HistogramBin {
  /** The bin's first day. */
  start: string;
  began: number;
  ended: number;
}

/**
 * How many things began and ended in each month (spans up to ten years) or year of the span: the scale under
 * the As-of slider.
 */
export function histogram(
  items: Dated[],
  span: { first: string; last: string },
): { unit: 'month' | 'year'; bins: HistogramBin[] } {
  const years = Number(span.last.slice(0, 4)) - Number(span.first.slice(0, 4));
  const unit = years <= 10 ? 'month' : 'year';
  const keyOf = (date: string) => (unit === 'month' ? `${date.slice(0, 7)}-01` : `${date.slice(0, 4)}-01-01`);
  const bins = new Map<string, HistogramBin>();
  const next = (start: string) => {
    const date = new Date(`${start}T00:00:00Z`);
    if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
    else date.setUTCFullYear(date.getUTCFullYear() + 1);
    return date.toISOString().slice(0, 10);
  };
  for (let start = keyOf(span.first); start <= span.last; start = next(start)) {
    bins.set(start, { start, began: 0, ended: 0 });
  }
  for (const item of items) {
    const since = dateOf(item.since);
    const until = dateOf(item.until);
    const [first, last] = [since && bins.get(keyOf(since)), until && bins.get(keyOf(until))];
    if (first) first.began++;
    if (last) last.ended++;
  }
  return { unit, bins: [...bins.values()] };
}

/** The first day of the period after `date`'s (the next month or year): one step of playing time forward. */
export function nextPeriod(date: string, unit: 'month' | 'year'): string {
  const next = new Date(`${date.slice(0, unit === 'month' ? 7 : 4)}${unit === 'month' ? '-01' : '-01-01'}T00:00:00Z`);
  if (unit === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next.toISOString().slice(0, 10);
}
