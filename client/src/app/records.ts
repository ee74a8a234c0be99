/**
 * Records keyed by names from the database: labels, relationship types, property keys and node ids. A plain
 * object read by such a name finds Object.prototype's members (`constructor`, `toString`, `valueOf`…) where
 * it holds nothing, and assigning to `__proto__` replaces its prototype instead of adding an entry. A record
 * made here has no prototype, and `own` reads only what a record holds itself (for records parsed from JSON).
 */

/** A record without a prototype, from entries (or empty). */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** What a record holds under a key of its own; never a member inherited from Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}
