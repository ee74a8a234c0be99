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
import { temporalTypes, type PropertyValue, type ScalarValue } from '../graph/editing.schemas.js';
import { ProblemError } from '../http/problem.js';
import { compose, loadCypher, type Cypher } from '../neo4j/cypher.js';
import { name } from '../neo4j/names.js';

const cypher = loadCypher(
  'editing/set-property',
  'editing/remove-property',
  'editing/value',
  'editing/value-converted',
  'editing/list-converted',
);

export type { PropertyValue };

/**
 * Property values as edits carry them, in requests, answers and the history, so that every Neo4j type
 * comes back as it went in. Strings and booleans are themselves; a JSON number is an integer when it is
 * whole and a float otherwise; anything JSON cannot say exactly is tagged: `{type: 'integer', value: '…'}`
 * beyond 2^53, `{type: 'float', value: '2'}` for a whole float (or NaN, Infinity), temporal values as ISO
 * text (`{type: 'date', value: '2024-05-01'}`), points as `{type: 'point', value: {srid, x, y, z?}}`. A list is
 * a JSON array of one kind of value. Text is turned into values by Neo4j's own functions (`date()`…).
 */
type Scalar = ScalarValue;

/** A property value from the driver, in the edit form above (exact: it decodes to the same value). */
export function encodeValue(value: unknown): PropertyValue {
  if (Array.isArray(value)) return value.map((item) => encodeValue(item) as Scalar);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) || !Number.isFinite(value) ? { type: 'float', value: String(value) } : value;
  }
  if (isInt(value) || typeof value === 'bigint') {
    const integer = neo4j.int(value);
    return neo4j.integer.inSafeRange(integer) ? integer.toNumber() : { type: 'integer', value: integer.toString() };
  }
  if (isDate(value)) return { type: 'date', value: value.toString() };
  if (isDateTime(value)) return { type: 'datetime', value: value.toString() };
  if (isLocalDateTime(value)) return { type: 'localdatetime', value: value.toString() };
  if (isTime(value)) return { type: 'time', value: value.toString() };
  if (isLocalTime(value)) return { type: 'localtime', value: value.toString() };
  if (isDuration(value)) return { type: 'duration', value: value.toString() };
  if (isPoint(value)) {
    const srid = neo4j.integer.toNumber(value.srid);
    return { type: 'point', value: { srid, x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) } };
  }
  throw new Error(`A property value of an unknown kind: ${typeof value}`);
}

export function encodeProperties(properties: Record<string, unknown>): Record<string, PropertyValue> {
  const encoded = Object.create(null) as Record<string, PropertyValue>;
  for (const [key, value] of Object.entries(properties)) encoded[key] = encodeValue(value);
  return encoded;
}

/** How a value reaches Cypher: a parameter, and the function (if any) that makes it the stored type. */
interface Decoded {
  parameter: unknown;
  convert: '' | 'toFloat' | 'point' | (typeof temporalTypes)[number];
}

function decodeScalar(value: Scalar, key: string): Decoded {
  if (typeof value === 'string' || typeof value === 'boolean') return { parameter: value, convert: '' };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value)
      ? { parameter: neo4j.int(value), convert: '' }
      : { parameter: value, convert: '' };
  }
  if (value.type === 'integer') {
    const integer = BigInt(value.value);
    if (integer < -(2n ** 63n) || integer >= 2n ** 63n) {
      throw ProblemError.badRequest(`properties.${key}: the integer is beyond 64 bits`, [
        { location: `body.properties.${key}`, message: 'beyond 64 bits' },
      ]);
    }
    return { parameter: neo4j.int(value.value), convert: '' };
  }
  if (value.type === 'float') return { parameter: value.value, convert: 'toFloat' };
  if (value.type === 'point') {
    const { srid, ...coordinates } = value.value;
    return {
      parameter: { ...coordinates, ...(srid === undefined ? {} : { srid: neo4j.int(srid) }) },
      convert: 'point',
    };
  }
  return { parameter: value.value, convert: value.type };
}

function kindOf(value: Scalar): string {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'integer' : 'float';
  if (typeof value === 'object') return value.type;
  return typeof value;
}

/** A value in edit form as a Cypher expression over `$values[index]` and the parameter to send. */
export function decodeValue(
  value: PropertyValue,
  key: string,
  index: number,
): { expression: Cypher; parameter: unknown } {
  const slot = compose(cypher['editing/value'], { index });
  if (!Array.isArray(value)) {
    const { parameter, convert } = decodeScalar(value, key);
    const expression = convert ? compose(cypher['editing/value-converted'], { convert: name(convert), index }) : slot;
    return { expression, parameter };
  }
  const kinds = new Set(value.map(kindOf));
  // A list of whole and fractional numbers is a list of floats, as Neo4j stores it.
  const floats = kinds.size === 2 && kinds.has('integer') && kinds.has('float');
  if (kinds.size > 1 && !floats) {
    throw ProblemError.badRequest(`properties.${key}: a list holds values of one kind (${[...kinds].join(', ')})`, [
      { location: `body.properties.${key}`, message: 'a list holds values of one kind' },
    ]);
  }
  if (floats) return { expression: slot, parameter: value.map((item) => Number(item)) };
  const decoded = value.map((item) => decodeScalar(item, key));
  const convert = decoded[0]?.convert ?? '';
  return {
    expression: convert ? compose(cypher['editing/list-converted'], { convert: name(convert), index }) : slot,
    parameter: decoded.map((item) => item.parameter),
  };
}

/**
 * `SET` (or `REMOVE`) statements writing `properties` on `variable` (null removes a key), with the parameters
 * they read: the `set` slot of the editing statements. Keys are escaped; the caller has checked them
 * (catalog or name rule).
 */
export function propertyAssignments(
  variable: string,
  properties: Record<string, PropertyValue | null>,
): { set: Cypher[]; values: unknown[] } {
  const set: Cypher[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const target = { variable: name(variable), key: name(key) };
    if (value === null) {
      set.push(compose(cypher['editing/remove-property'], target));
      continue;
    }
    const { expression, parameter } = decodeValue(value, key, values.length);
    values.push(parameter);
    set.push(compose(cypher['editing/set-property'], { ...target, value: expression }));
  }
  return { set, values };
}

/** Whether two values in edit form are the same value. */
export function sameValue(a: PropertyValue | null | undefined, b: PropertyValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
