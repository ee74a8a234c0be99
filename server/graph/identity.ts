import neo4j, { isInt, type Node as Neo4jNode } from 'neo4j-driver';

/** Neo4j 5 elementIds: `<kind>:<database id>:<number>`. */
const elementIdPattern = /^\d+:[0-9a-f-]+:\d+$/i;

/** Whether a key reads like an elementId (and so can only be one). */
export function looksLikeElementId(key: string): boolean {
  return elementIdPattern.test(key);
}

/**
 * Whether a key cannot be an `id` property's key: one shaped like an elementId, or `.` and `..`, which no URL
 * path can carry (URL parsers resolve them as dot segments, percent-encoded or not), so `/api/nodes/..` would
 * never reach the node.
 */
export function unusableAsKey(key: string): boolean {
  return looksLikeElementId(key) || key === '.' || key === '..';
}

/**
 * The `id` property written as an API key, for the kinds of value that survive a URL and come back
 * unchanged: strings and integers. Anything else (floats, lists, absent) has no key.
 */
export function idPropertyKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (isInt(value)) return value.toString();
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/** Keys written in digits, which may stand for an integer `id` as well as a string one. */
const integerKeyPattern = /^-?\d+$/;
const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** The `id` property values a key may stand for: the string itself, and the 64-bit integer it spells. */
export function idPropertyCandidates(key: string): unknown[] {
  if (!integerKeyPattern.test(key)) return [key];
  const value = BigInt(key);
  return value >= int64.min && value <= int64.max ? [key, neo4j.int(key)] : [key];
}

export interface PlainIdentity {
  sharedKeys: string[];
  allShared: boolean;
}

/**
 * The one rule for a node's API id. A node is known by its `id` property (a string, or an integer
 * written in digits) when no other node has the same key; otherwise — no `id`, an `id` that is not a
 * string or integer, an `id` that several nodes share (an id unique per label only), or one that reads
 * like an elementId or is a dot segment (`.`, `..`) — by its elementId. Resolution (cypher/nodes/resolve-ids.cypher) is the exact inverse.
 */
export class NodeIdentity {
  /**
   * @param sharedKeys keys of `id` values that more than one node has
   * @param allShared when there were too many shared keys to list: every node goes by elementId
   */
  constructor(
    private readonly sharedKeys: ReadonlySet<string> = new Set(),
    private readonly allShared = false,
  ) {}

  /** The key a node's `id` property gives it, when that key identifies it alone. */
  propertyKey(node: Neo4jNode): string | undefined {
    return this.keyOfId(node.properties.id);
  }

  /** The key an `id` property value gives its node, when that key identifies it alone. */
  private keyOfId(id: unknown): string | undefined {
    const key = idPropertyKey(id);
    if (key === undefined || this.allShared || this.sharedKeys.has(key) || unusableAsKey(key)) {
      return undefined;
    }
    return key;
  }

  keyOf(node: Neo4jNode): string {
    return this.propertyKey(node) ?? node.elementId;
  }

  /** The API id of a node known only by its `id` property's value and its elementId (a relationship's end). */
  keyOfParts(id: unknown, elementId: string): string {
    return this.keyOfId(id) ?? elementId;
  }

  /** The rule as plain data, to hand to a worker thread (see `fromPlain`). */
  toPlain(): PlainIdentity {
    return { sharedKeys: [...this.sharedKeys], allShared: this.allShared };
  }

  static fromPlain(plain: PlainIdentity): NodeIdentity {
    return new NodeIdentity(new Set(plain.sharedKeys), plain.allShared);
  }

  /** Whether a key can stand for an `id` property at all (else it can only be an elementId). */
  mayBeProperty(key: string): boolean {
    return !this.allShared && !this.sharedKeys.has(key) && !unusableAsKey(key);
  }
}
