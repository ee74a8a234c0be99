/** Figures and dates as people read them. */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatUsd(amount: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [scale, word] of scales) {
    if (Math.abs(amount) >= scale) {
      const value = amount / scale;
      return `$${Number.isInteger(value) ? value : value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, '')} ${word}`;
    }
  }
  return `$${amount.toLocaleString('en-US')}`;
}

/** An ISO date at the precision it is known: '2019-07-01' with 'month' reads "July 2019", with 'late-year' "late 2019". */
export function formatDate(iso: string, precision?: unknown): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (precision === 'year') return String(year);
  if (precision === 'late-year') return `late ${year}`;
  if (precision === 'month') return `${months[month! - 1]} ${year}`;
  return `${day} ${months[month! - 1]} ${year}`;
}

/** The period before an ISO day, at a precision: the day, month or year that ends just before it. */
function periodBefore(iso: string, precision: unknown): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (precision === 'year' || precision === 'late-year') date.setUTCFullYear(date.getUTCFullYear() - 1);
  else if (precision === 'month') date.setUTCMonth(date.getUTCMonth() - 1);
  else date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * An exclusive end (`until`, the first day on which the fact no longer holds) as the last period it held:
 * '2024-08-01' with 'month' reads "July 2024", '2031-01-01' with 'year' reads "2030".
 */
export function formatUntil(iso: string, precision?: unknown): string {
  const precise = precision === 'late-year' ? 'year' : precision;
  return formatDate(periodBefore(iso, precise), precise);
}

/** An exclusive deadline: '2026-01-01' with 'year' reads "by the end of 2025"; a day reads "before 1 August 2024". */
export function formatDeadline(iso: string, precision?: unknown): string {
  if (precision === 'year' || precision === 'late-year' || precision === 'month') {
    return `by the end of ${formatUntil(iso, precision)}`;
  }
  return `before ${formatDate(iso, precision)}`;
}

const usdKeys = /Usd$/;
const percentKeys = /^percent|Percent$|OfRevenue$/;
const yearKeys = /(^y|Y)ear$/;
const inclusiveDateKeys = new Set(['since', 'published', 'statusAsOf']);

/** A whole number a person reads as a year (1999), written without a thousands separator. */
function looksLikeYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1000 && value <= 2999;
}

/** Names people read for the dataset's bookkeeping keys; any other key is shown as it is. */
export const propertyLabels: Record<string, string> = {
  outsideKnowledge: 'outside knowledge',
  disputes: 'sources disagree',
  statusAsOf: 'status as of',
  untilCondition: 'until (condition)',
  endedBy: 'ended by',
};

/** One property value for the side panel. */
export function formatProperty(key: string, value: unknown, properties: Record<string, unknown>): string {
  // A group key, whatever its type: a number is no amount or year here.
  if (key === 'disputes' && (typeof value === 'string' || typeof value === 'number'))
    return `yes: the sources give other figures (${value})`;
  if (typeof value === 'number' && usdKeys.test(key)) return formatUsd(value);
  if (typeof value === 'number' && percentKeys.test(key)) return `${value} %`;
  if (typeof value === 'number' && (yearKeys.test(key) || looksLikeYear(value))) return String(value);
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const precision = properties[`${key}Precision`];
    if (inclusiveDateKeys.has(key)) return formatDate(value, precision);
    if (key === 'until') return formatUntil(value, precision);
    if (key === 'deadline') return formatDeadline(value, precision);
  }
  if (key === 'outsideKnowledge' && value === true) return 'yes: not from the documents';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A property key as words: `amountUsd` reads "amount (USD)", `dealType` "deal type"; bookkeeping keys by name. */
export function readableKey(key: string): string {
  if (Object.hasOwn(propertyLabels, key)) return propertyLabels[key]!;
  const words = key
    .replace(/Usd$/, '')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return /Usd$/.test(key) ? `${words} (USD)` : words;
}

/** Where a property is listed among the others: when a thing began, then when it ended, then the rest as given. */
export function propertyOrder(key: string): number {
  const dates = ['since', 'until', 'deadline'];
  return dates.includes(key) ? dates.indexOf(key) : dates.length;
}
