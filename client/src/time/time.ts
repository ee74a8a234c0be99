/** Time on the canvas: dates are ISO `YYYY-MM-DD` strings, which compare correctly as text. */

type Dated = Record<string, unknown>;

const dateOf = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;

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
