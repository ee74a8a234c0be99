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

/** An ISO date at the precision it is known: '2019-07-01' with 'month' reads "July 2019". */
export function formatDate(iso: string, precision?: unknown): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (precision === 'year') return String(year);
  if (precision === 'month') return `${months[month! - 1]} ${year}`;
  return `${day} ${months[month! - 1]} ${year}`;
}

const usdKeys = /Usd$/;
const percentKeys = /^percent|Percent$|OfRevenue$/;

/** One property value for the side panel. */
export function formatProperty(key: string, value: unknown, properties: Record<string, unknown>): string {
  if (typeof value === 'number' && usdKeys.test(key)) return formatUsd(value);
  if (typeof value === 'number' && percentKeys.test(key)) return `${value} %`;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if ((key === 'since' || key === 'until' || key === 'published') && typeof value === 'string') {
    return formatDate(value, properties[`${key}Precision`]);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
