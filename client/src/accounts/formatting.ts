/** A stored time as a person reads it here: date and minute in the browser's time zone. */
export function when(iso: string | null | undefined, never = '—'): string {
  if (!iso) return never;
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Chrome 131 on Linux" from a User-Agent header; the whole header is in the cell's title. */
export function browserOf(userAgent: string): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /(Edg|Firefox|HeadlessChrome|Chromium|Chrome|Version)\/(\d+)/.exec(userAgent);
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux|CrOS)/.exec(userAgent)?.[1];
  const name = browser && ({ Edg: 'Edge', Version: 'Safari' }[browser[1]!] ?? browser[1]);
  if (!name) return userAgent.slice(0, 60);
  return `${name} ${browser[2]}${system ? ` on ${system.replace('Mac OS X', 'macOS').replace('CrOS', 'ChromeOS')}` : ''}`;
}
