import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
} from 'neo4j-driver';

/**
 * Property values as JSON that keeps their Neo4j type, so that what an import overwrote is put back exactly
 * (an integer stays an integer, a date a date): `{"$int": "42"}`, `{"$date": "2024-01-01"}`… Plain strings,
 * floats, booleans and lists of them are written as they are.
 */
export type Stored = string | number | boolean | null | Stored[] | { [tag: string]: unknown };

export function storeValue(value: unknown): Stored {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return { $int: value.toString() };
  if (typeof value === 'number') return Number.isFinite(value) ? { $float: value } : { $float: String(value) };
  if (isDate(value)) return { $date: value.toString() };
  if (isDateTime(value)) return { $datetime: value.toString() };
  if (isLocalDateTime(value)) return { $localdatetime: value.toString() };
  if (isTime(value)) return { $time: value.toString() };
  if (isLocalTime(value)) return { $localtime: value.toString() };
  if (isDuration(value)) return { $duration: [value.months, value.days, value.seconds, value.nanoseconds].map(String) };
  if (isPoint(value)) return { $point: [Number(value.srid), value.x, value.y, value.z ?? null] };
  if (Array.isArray(value)) return value.map(storeValue);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return JSON.stringify(value) ?? '';
}

/** The Neo4j value a stored one stands for: the inverse of storeValue. */
export function loadValue(stored: Stored): unknown {
  if (stored === null) return null;
  if (Array.isArray(stored)) return stored.map(loadValue);
  if (typeof stored !== 'object') return stored;
  const [tag, raw] = Object.entries(stored)[0] ?? [];
  const text = String(raw);
  const number = (value: string) => Number(value);
  switch (tag) {
    case '$int':
      return neo4j.int(text);
    case '$float':
      return typeof raw === 'number' ? raw : Number(text);
    case '$date': {
      const [year, month, day] = text.split('-').map(number) as [number, number, number];
      return new neo4j.types.Date(year, month, day);
    }
    case '$datetime':
    case '$localdatetime':
    case '$time':
    case '$localtime':
      return temporal(tag, text);
    case '$duration': {
      const [months, days, seconds, nanoseconds] = (raw as string[]).map(number) as [number, number, number, number];
      return new neo4j.types.Duration(months, days, seconds, nanoseconds);
    }
    case '$point': {
      const [srid, x, y, z] = raw as [number, number, number, number | null];
      return z === null ? new neo4j.types.Point(srid, x, y) : new neo4j.types.Point(srid, x, y, z);
    }
    default:
      return text;
  }
}

const temporalPattern =
  /^(?:(-?\d{4,})-(\d{2})-(\d{2})T?)?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

/** A temporal value with a time of day, from the ISO text the driver wrote. */
function temporal(tag: string, text: string): unknown {
  const match = temporalPattern.exec(text);
  if (!match) return text;
  const [, year, month, day, hour, minute, second = '0', fraction = '', offset, zone] = match;
  const nanoseconds = Number(fraction.padEnd(9, '0'));
  let offsetSeconds: number | undefined;
  if (offset === 'Z') offsetSeconds = 0;
  else if (offset) {
    const [hours, minutes, seconds = '0'] = offset.slice(1).split(':');
    offsetSeconds = (offset[0] === '-' ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds));
  }
  const [h, m, s] = [Number(hour), Number(minute), Number(second)];
  if (tag === '$localtime') return new neo4j.types.LocalTime(h, m, s, nanoseconds);
  if (tag === '$time') return new neo4j.types.Time(h, m, s, nanoseconds, offsetSeconds ?? 0);
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (tag === '$localdatetime') return new neo4j.types.LocalDateTime(y, mo, d, h, m, s, nanoseconds);
  return new neo4j.types.DateTime(y, mo, d, h, m, s, nanoseconds, zone ? undefined : offsetSeconds, zone);
}
