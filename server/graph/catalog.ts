import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { ProblemError } from '../http/problem.js';
import { compose, loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { name } from '../neo4j/names.js';
import { degreeOrderIndex } from '../nodes/degree-order.js';
import { NodeIdentity } from './identity.js';
import { toJson } from './mapping.js';

/** The catalog's own queries: what it reads once and caches across requests. */
export const catalogCypher = loadCypher(
  'graph/catalog',
  'graph/node-indexes',
  'graph/fulltext-indexes',
  'graph/shared-ids',
  'graph/link-counts',
  'graph/links-of-type',
  'graph/keys-in-use',
);

/**
 * Earlier versions kept users' saved queries under this label; they move to the store at start-up, but a
 * graph Entente may only read keeps them, so search, schema and expand never show it.
 */
const savedQueryLabel = '_EntenteSavedQuery';

export interface NamedCount {
  name: string;
  count: number;
}

/**
 * Labels that relationships of a type connect: how many relationships do (`count`, from the count store;
 * estimated from a sample where the type joins several labels at either end), and how many of those read
 * to tell the pairs apart did (`sampled`).
 */
export interface SchemaLink {
  from: string;
  type: string;
  to: string;
  count: number;
  sampled: number;
}

/** Relationships of one type read to tell which start label goes with which end label. */
const linkSample = 1_000;
/** Types sampled at once. */
const linkSampleBatch = 4;
/** Up to this many nodes and relationships, the keys in use are read whole; beyond, every key is kept. */
const keysReadUpTo = 100_000;

export interface CatalogSnapshot {
  labels: NamedCount[];
  relationshipTypes: NamedCount[];
  propertyKeys: string[];
  /** Labels with an online index on `id`: a lookup by id names them to seek the index. */
  idIndexedLabels: string[];
  /** The label whose nodes carry a stored degree order (nodes/degree-order.ts), or null. */
  degreeOrderLabel: string | null;
  /** Online full-text indexes over nodes, for search. */
  fulltextIndexes: string[];
  /** All nodes and relationships, from the count store. */
  nodeCount: number;
  relationshipCount: number;
}

const freshForMs = 5_000;
/** The shared-id scan reads every node: re-run when the node count changes, else at most this often. */
const identityFreshForMs = 60_000;
/** Beyond this many shared `id` values, every node goes by its elementId. */
const maxSharedKeys = 10_000;

/**
 * The database's own lists of labels, types and keys: what user-supplied names are checked against
 * before any of them is written into a query. Re-read at most every few seconds.
 */
export class Catalog {
  private snapshot?: { at: number; value: Promise<CatalogSnapshot> };
  private nodeIdentity?: { at: number; nodeCount: number; value: Promise<NodeIdentity> };
  private refreshingIdentity?: Promise<void>;
  private schemaLinks?: { at: number; nodeCount: number; value: Promise<SchemaLink[]> };
  private liveKeys?: { at: number; nodeCount: number; value: Promise<string[]> };
  /** How many times readings were dropped (invalidated, or failed): see `forget`. */
  private forgotten = 0;

  constructor(private readonly db: Database) {}

  current(): Promise<CatalogSnapshot> {
    if (!this.snapshot || Date.now() - this.snapshot.at > freshForMs) {
      const value = this.read();
      this.snapshot = { at: Date.now(), value };
      value.catch(() => this.forget(() => (this.snapshot = undefined)));
    }
    return this.snapshot.value;
  }

  /** Forgets what was read, when a query found the database changed under it. */
  invalidate(): void {
    this.forget(() => {
      this.snapshot = undefined;
      this.nodeIdentity = undefined;
      this.schemaLinks = undefined;
      this.liveKeys = undefined;
    });
  }

  /**
   * Drops readings (`drop`), counted: a fingerprint names the count, so that one taken after readings were
   * dropped never equals one taken before they were first read.
   */
  private forget(drop: () => void): void {
    drop();
    this.forgotten += 1;
  }

  /**
   * The property keys in use: Neo4j's list keeps the keys of deleted data, so on a graph small enough to
   * read whole, keys nothing has any more are left out; on a larger one every key is kept.
   */
  async keysInUse(): Promise<string[]> {
    const { nodeCount, relationshipCount, propertyKeys } = await this.current();
    if (nodeCount > keysReadUpTo || relationshipCount > keysReadUpTo) return propertyKeys;
    const cached = this.liveKeys;
    if (!cached || cached.nodeCount !== nodeCount || Date.now() - cached.at > identityFreshForMs) {
      const value = this.db.read(catalogCypher['graph/keys-in-use']).then(({ records }) => {
        const used = new Set(records[0]?.get('keys') as string[]);
        return propertyKeys.filter((key) => used.has(key));
      });
      this.liveKeys = { at: Date.now(), nodeCount, value };
      value.catch(() => this.forget(() => (this.liveKeys = undefined)));
    }
    return this.liveKeys!.value;
  }

  /**
   * Which labels each relationship type connects, with how many relationships, re-read as the identity rule
   * is. Every type is there, however many relationships come before it in the store (a sample of the first
   * 100,000 showed OWNS and never the 810,000 TRANSFER after them).
   */
  async links(): Promise<SchemaLink[]> {
    const { nodeCount } = await this.current();
    const cached = this.schemaLinks;
    if (!cached || cached.nodeCount !== nodeCount || Date.now() - cached.at > identityFreshForMs) {
      const value = this.readLinks();
      this.schemaLinks = { at: Date.now(), nodeCount, value };
      value.catch(() => this.forget(() => (this.schemaLinks = undefined)));
    }
    return this.schemaLinks!.value;
  }

  /**
   * A fingerprint of what the catalog holds now (its lists, the identity rule, the schema's links and the
   * keys in use), with the graph's version the validator of graph reads (http/route.ts `cache: 'graph'`):
   * an answer can change when any of them is re-read even where no write came between (an index coming
   * online). It reads nothing, so it costs no query: what was never read is left out (a route that needs it
   * reads it, and the next fingerprint names it), and while any of them is being read there is none (null).
   * Hashed once per reading. It also names how many times readings were dropped (`forget`).
   */
  async fingerprint(): Promise<string | null> {
    const [snapshot, identity, links, keys] = await Promise.all([
      settledValue(this.snapshot?.value),
      settledValue(this.nodeIdentity?.value),
      settledValue(this.schemaLinks?.value),
      settledValue(this.liveKeys?.value),
    ]);
    if ([snapshot, identity, links, keys].includes(unsettled)) return null;
    const hashed = (reading: unknown, plain: (reading: object) => unknown = (same) => same) =>
      reading === undefined ? '-' : fingerprintOf(reading as object, plain);
    return [
      String(this.forgotten),
      hashed(snapshot),
      hashed(identity, (rule) => (rule as NodeIdentity).toPlain()),
      hashed(links),
      hashed(keys),
    ].join('.');
  }

  /**
   * The rule that gives nodes their API ids on this database (see identity.ts). Only the first read is
   * waited for: later ones run in the background while requests keep the rule read before, so a scan of a
   * large graph never holds up a route.
   */
  async identity(): Promise<NodeIdentity> {
    const { nodeCount } = await this.current();
    const cached = this.nodeIdentity;
    if (!cached) {
      const value = this.readIdentity();
      this.nodeIdentity = { at: Date.now(), nodeCount, value };
      value.catch(() => this.forget(() => (this.nodeIdentity = undefined)));
      return value;
    }
    if (!this.refreshingIdentity && (cached.nodeCount !== nodeCount || Date.now() - cached.at > identityFreshForMs)) {
      this.refreshingIdentity = this.readIdentity()
        .then((identity) => {
          this.nodeIdentity = { at: Date.now(), nodeCount, value: Promise.resolve(identity) };
        })
        .catch(() => undefined)
        .finally(() => (this.refreshingIdentity = undefined));
    }
    return cached.value;
  }

  private async readLinks(): Promise<SchemaLink[]> {
    const { relationshipTypes } = await this.current();
    const { records } = await this.db.read(catalogCypher['graph/link-counts']);
    const ends = new Map<string, { from: Map<string, number>; to: Map<string, number> }>();
    for (const record of records) {
      const type = record.get('type') as string;
      const entry = ends.get(type) ?? { from: new Map(), to: new Map() };
      ends.set(type, entry);
      const count = Number(toJson(record.get('count')));
      if (record.get('from') !== null) entry.from.set(record.get('from') as string, count);
      else entry.to.set(record.get('to') as string, count);
    }
    const links: SchemaLink[] = [];
    const ambiguous: { type: string; total: number }[] = [];
    for (const { name: type, count: total } of relationshipTypes) {
      const entry = ends.get(type);
      if (!entry?.from.size || !entry.to.size) continue;
      if (entry.from.size === 1 && entry.to.size === 1) {
        const [from] = entry.from.keys();
        const [to] = entry.to.keys();
        links.push({ from: from!, type, to: to!, count: total, sampled: 0 });
      } else {
        ambiguous.push({ type, total });
      }
    }
    // Where a type joins several labels, a sample of its own relationships says which go together.
    for (let start = 0; start < ambiguous.length; start += linkSampleBatch) {
      const sampled = await Promise.all(
        ambiguous.slice(start, start + linkSampleBatch).map(async ({ type, total }) => {
          const { records: pairs } = await this.db.read(
            compose(catalogCypher['graph/links-of-type'], { type: name(type) }),
            {
              sample: neo4j.int(linkSample),
            },
          );
          return pairs.map((pair): SchemaLink => {
            const read = Number(toJson(pair.get('read')));
            const seen = Number(toJson(pair.get('sampled')));
            return {
              from: pair.get('from') as string,
              type,
              to: pair.get('to') as string,
              count: read >= total ? seen : Math.round((seen / read) * total),
              sampled: seen,
            };
          });
        }),
      );
      links.push(...sampled.flat());
    }
    return links.sort(
      (a, b) =>
        b.count - a.count || a.from.localeCompare(b.from) || a.type.localeCompare(b.type) || a.to.localeCompare(b.to),
    );
  }

  private async readIdentity(): Promise<NodeIdentity> {
    const { records } = await this.db.read(catalogCypher['graph/shared-ids'], { max: neo4j.int(maxSharedKeys) });
    const record = records[0];
    return new NodeIdentity(new Set((record?.get('keys') as string[]) ?? []), record?.get('overflow') === true);
  }

  private async read(): Promise<CatalogSnapshot> {
    const [counts, indexes, fulltext] = await Promise.all([
      this.db.read(catalogCypher['graph/catalog']),
      this.db.read(catalogCypher['graph/node-indexes'], { degreeOrderIndex }),
      this.db.read(catalogCypher['graph/fulltext-indexes']),
    ]);
    const record = counts.records[0]!;
    const visible = (entries: unknown) =>
      (toJson(entries) as NamedCount[]).filter((entry) => entry.count > 0 && entry.name !== savedQueryLabel);
    return {
      labels: visible(record.get('labels')),
      relationshipTypes: visible(record.get('relationshipTypes')),
      propertyKeys: (record.get('propertyKeys') as string[]).sort(),
      idIndexedLabels: (indexes.records[0]?.get('labels') as string[]).filter((label) => label !== savedQueryLabel),
      degreeOrderLabel: (indexes.records[0]?.get('degreeOrderLabel') as string | null) ?? null,
      fulltextIndexes: fulltext.records[0]?.get('names') as string[],
      nodeCount: Number(toJson(record.get('nodeCount')) ?? 0),
      relationshipCount: Number(toJson(record.get('relationshipCount')) ?? 0),
    };
  }

  /** Checks names from a request against the database's labels; an unknown one is a 400 naming it. */
  async requireLabels(names: string[], parameter: string): Promise<string[]> {
    const known = new Set((await this.current()).labels.map((label) => label.name));
    return requireKnown(names, known, parameter, 'label');
  }

  async requirePropertyKeys(names: string[], parameter: string): Promise<string[]> {
    return requireKnown(names, new Set((await this.current()).propertyKeys), parameter, 'property key');
  }

  async requireRelationshipTypes(names: string[], parameter: string): Promise<string[]> {
    const known = new Set((await this.current()).relationshipTypes.map((type) => type.name));
    return requireKnown(names, known, parameter, 'relationship type');
  }
}

function requireKnown(names: string[], known: Set<string>, parameter: string, what: string): string[] {
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length) {
    throw ProblemError.badRequest(
      `${parameter}: unknown ${what}${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
      [
        {
          location: parameter.includes('.') ? parameter : `query.${parameter}`,
          message: `not a ${what} of this database: ${unknown.join(', ')}`,
        },
      ],
    );
  }
  return names;
}

const fingerprints = new WeakMap<object, string>();

/** A short hash of a value read once and kept (a catalog reading), remembered with it. */
function fingerprintOf(reading: object, plain: (reading: object) => unknown): string {
  let known = fingerprints.get(reading);
  if (known === undefined) {
    known = createHash('sha256')
      .update(JSON.stringify(plain(reading)))
      .digest('base64url')
      .slice(0, 16);
    fingerprints.set(reading, known);
  }
  return known;
}

const unsettled: unique symbol = Symbol('unsettled');

/** What `reading` holds if it has settled with a value; `unsettled` while it is pending or when it failed. */
async function settledValue<T extends object>(
  reading: Promise<T> | undefined,
): Promise<T | undefined | typeof unsettled> {
  if (!reading) return undefined;
  try {
    // A settled promise listed first wins the race: its reaction is queued before the marker's.
    return await Promise.race([reading, Promise.resolve(unsettled)]);
  } catch {
    return unsettled;
  }
}
