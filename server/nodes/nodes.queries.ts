import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { compose, loadCypher, type Cypher, type SlotValue } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { name, names } from '../neo4j/names.js';
import { idPropertyCandidates } from '../graph/identity.js';

const cypher = loadCypher(
  'nodes/by-key',
  'nodes/resolve-ids',
  'nodes/resolve-id-in-label',
  'nodes/degrees',
  'nodes/degree-of-type',
  'nodes/neighbours',
  'nodes/neighbours-unfiltered',
  'nodes/stored-order',
  'nodes/stored-order-page',
  'nodes/stored-or-counted',
  'nodes/counted-page',
  'nodes/not-stored',
  'nodes/types',
  'nodes/expansion-out',
  'nodes/expansion-in',
  'nodes/expansion-both',
  'nodes/adjacent-one-way',
  'nodes/adjacent-both',
  'nodes/timeline',
);

/**
 * Labels whose `id` index one lookup seeks, at most: Neo4j takes seconds to plan a query with hundreds of
 * UNION branches, so a database with more such labels is looked up in several queries (see resolveNodes).
 */
const indexedLabelsPerLookup = 40;

/**
 * Relationship types counted in one expand-menu query, at most: planning grows with the count (about 1 s
 * for 60 types, once per database, during the warm-up), so a database with more types gets several
 * queries, sent together.
 */
const typesPerDegreeQuery = 60;

/** A list cut into pieces of `size`; an empty list is one empty piece (the query still runs). */
function inChunks(names: string[], size: number): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < names.length; start += size) chunks.push(names.slice(start, start + size));
  return chunks.length ? chunks : [[]];
}

interface Lookup {
  text: Cypher;
  parameters: { keys: string[]; propertyKeys: string[]; idValues: unknown[]; scan: boolean };
}

/** The lookup of `keys` (nodes/resolve-ids.cypher) through the `id` indexes of `labels`. */
function lookup(keys: string[], propertyKeys: string[], labels: string[], scan: boolean): Lookup {
  return {
    text: compose(cypher['nodes/resolve-ids'], {
      // Keys that can only be elementIds need no index branches (each one is planned, and costs time).
      indexed: (propertyKeys.length ? labels : []).map((label) =>
        compose(cypher['nodes/resolve-id-in-label'], { label: name(label) }),
      ),
    }),
    parameters: { keys, propertyKeys, idValues: propertyKeys.flatMap(idPropertyCandidates), scan },
  };
}

/** Runs a lookup on its own: the key and node of each key found. */
async function runLookup(db: Database, { text, parameters }: Lookup): Promise<[string, Neo4jNode][]> {
  const { records } = await db.read<{ key: string; n: Neo4jNode }>(
    compose(cypher['nodes/by-key'], { resolveIds: text }),
    parameters,
  );
  return records.map((record) => [record.get('key'), record.get('n')]);
}

/** Looks nodes up by API key; keys that name no node (or whose `id` several nodes share) are absent. */
export async function resolveNodes(db: Database, catalog: Catalog, ids: string[]): Promise<Map<string, Neo4jNode>> {
  const keys = [...new Set(ids)];
  if (!keys.length) return new Map();
  const [{ idIndexedLabels }, identity] = await Promise.all([catalog.current(), catalog.identity()]);
  const propertyKeys = keys.filter((key) => identity.mayBeProperty(key));
  if (idIndexedLabels.length <= indexedLabelsPerLookup) {
    return new Map(await runLookup(db, lookup(keys, propertyKeys, idIndexedLabels, true)));
  }
  // More indexes than one query's plan should hold: a lookup per group of labels, sent together, then one
  // scan for the keys none of them answered. A key two groups answer with different nodes is shared.
  const answers = await Promise.all(
    inChunks(idIndexedLabels, indexedLabelsPerLookup).map((labels) =>
      runLookup(db, lookup(keys, propertyKeys, labels, false)),
    ),
  );
  const holders = new Map<string, Map<string, Neo4jNode>>();
  for (const [key, node] of answers.flat())
    holders.set(key, (holders.get(key) ?? new Map<string, Neo4jNode>()).set(node.elementId, node));
  const found = new Map<string, Neo4jNode>();
  for (const [key, nodes] of holders) if (nodes.size === 1) found.set(key, [...nodes.values()][0]!);
  const unanswered = propertyKeys.filter((key) => !holders.has(key));
  if (unanswered.length) {
    for (const [key, node] of await runLookup(db, lookup(unanswered, unanswered, [], true))) found.set(key, node);
  }
  return found;
}

export interface ResolvingQuery {
  text: Cypher;
  parameters: Lookup['parameters'];
  /** The key a node given by `key` is known by in the query's rows. */
  keyFor: (key: string) => string;
}

/**
 * A query that starts from the nodes API keys name: its `resolveIds` slot takes the lookup, so that
 * finding the nodes and answering about them is one round trip. Rows reach the rest of the query as
 * `key, n`. On a database with more `id` indexes than one plan should hold, the nodes are found first
 * and the query finds them by elementId.
 */
export async function resolvingQuery(
  db: Database,
  catalog: Catalog,
  template: Cypher,
  keys: string[],
  slots: Readonly<Record<string, SlotValue>> = {},
): Promise<ResolvingQuery> {
  const [{ idIndexedLabels }, identity] = await Promise.all([catalog.current(), catalog.identity()]);
  const propertyKeys = keys.filter((key) => identity.mayBeProperty(key));
  if (propertyKeys.length && idIndexedLabels.length > indexedLabelsPerLookup) {
    const found = await resolveNodes(db, catalog, keys);
    const keyFor = (key: string) => found.get(key)?.elementId ?? key;
    const byElementId = lookup(keys.map(keyFor), [], [], false);
    const text = compose(template, { ...slots, resolveIds: byElementId.text });
    return { text, parameters: byElementId.parameters, keyFor };
  }
  const { text, parameters } = lookup(keys, propertyKeys, idIndexedLabels, true);
  return { text: compose(template, { ...slots, resolveIds: text }), parameters, keyFor: (key) => key };
}

export interface TypeDegree {
  type: string;
  direction: 'out' | 'in';
  count: number;
}

/**
 * A node's relationships per type and direction, read from its relationship groups, most first; undefined
 * when no node has the key. A self-loop counts once, as outgoing.
 */
export async function readDegrees(db: Database, catalog: Catalog, key: string): Promise<TypeDegree[] | undefined> {
  const types = (await catalog.current()).relationshipTypes.map((type) => type.name);
  const chunks = inChunks(types, typesPerDegreeQuery);
  // With several queries, the node is looked up once first and each query finds it by elementId.
  const nodeKey = chunks.length > 1 ? (await resolveNodes(db, catalog, [key])).get(key)?.elementId : key;
  if (nodeKey === undefined) return undefined;
  const counted = await Promise.all(
    chunks.map(async (chunk) => {
      const { text, parameters } = await resolvingQuery(db, catalog, cypher['nodes/degrees'], [nodeKey], {
        perType: chunk.map((type) => compose(cypher['nodes/degree-of-type'], { type: name(type) })),
      });
      const record = (await db.read<{ degrees: neo4j.Integer[][] }>(text, parameters)).records[0];
      return record?.get('degrees').flatMap((counts, index) => {
        const [out = 0, into = 0, loops = 0] = counts.map((count) => count.toNumber());
        return [
          { type: chunk[index]!, direction: 'out' as const, count: out },
          // A self-loop is both out and in: listed once, as out (expanding out draws it).
          { type: chunk[index]!, direction: 'in' as const, count: into - loops },
        ];
      });
    }),
  );
  if (counted.some((chunk) => chunk === undefined)) return undefined;
  return counted
    .flatMap((chunk) => chunk ?? [])
    .filter((degree) => degree.count > 0)
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export interface NeighbourFilter {
  types: string[];
  labels: string[];
  direction: 'in' | 'out' | 'both';
  limit: number;
  skip: number;
  asOf: neo4j.Date<number> | null;
  /** Properties that date some types or labels instead of since/until (graph/dating.ts). */
  dating: Record<string, { start: string; end: string | null }>;
}

export interface NeighbourPage {
  node: Neo4jNode;
  total: number;
  relationships: Relationship[];
  neighbours: Neo4jNode[];
  /** Whether the page was read in the stored degree order or by counting every neighbour's degree. */
  order: 'stored' | 'counted';
  /** The degree of the page's last neighbour, counted as a page after it counts (where a cursor continues). */
  lastDegree?: number;
}

/**
 * What walking one node down the stored degree order costs, in relationships counted instead: about 10 µs a
 * node walked against 0.45 µs a relationship counted, measured on the benchmark graph.
 */
const walkCost = 20;
/** Nodes sharing the page's lowest degree that the stored order reads, at most; past that it counts. */
const tiedAtMost = 10_000;
/** Nodes the stored order walks, at most (about 50 ms); past that it counts. */
const walkAtMost = 5_000;

/**
 * The expansion slots of a neighbours query: the relationship pattern with its direction and types written
 * out, so that Neo4j reads only those relationship groups of the node (3× faster on a supernode than
 * filtering on type(r)), and the relationships between n and a given m (`adjacent`, used by the stored
 * order's page). The types have been checked against the database's own list.
 */
export function expansionOf(filter: NeighbourFilter): { expansion: Cypher; adjacent: Cypher } {
  const types = filter.types.length ? compose(cypher['nodes/types'], { types: names(filter.types, '|') }) : [];
  const outgoing = compose(cypher['nodes/expansion-out'], { types });
  const incoming = compose(cypher['nodes/expansion-in'], { types });
  if (filter.direction === 'out') {
    return { expansion: outgoing, adjacent: compose(cypher['nodes/adjacent-one-way'], { expansion: outgoing }) };
  }
  if (filter.direction === 'in') {
    return { expansion: incoming, adjacent: compose(cypher['nodes/adjacent-one-way'], { expansion: incoming }) };
  }
  return {
    expansion: compose(cypher['nodes/expansion-both'], { types }),
    adjacent: compose(cypher['nodes/adjacent-both'], { outgoing, incoming }),
  };
}

/** The filtered page (nodes/neighbours.cypher), with the expansion's slots. */
function filteredPage(filter: NeighbourFilter): Page {
  return { template: cypher['nodes/neighbours'], slots: { expansion: expansionOf(filter).expansion } };
}

/**
 * The unfiltered page, read in the stored degree order of `label` where that holds (nodes/degree-order.ts),
 * or always counted when `label` is null.
 */
function unfilteredPage(filter: NeighbourFilter, label: string | null): Page {
  const { expansion, adjacent } = expansionOf(filter);
  const counted = compose(cypher['nodes/counted-page'], { expansion });
  const template = cypher['nodes/neighbours-unfiltered'];
  if (label === null) {
    return { template, slots: { expansion, storedOrder: cypher['nodes/not-stored'], page: counted } };
  }
  const slots = { label: name(label) };
  return {
    template,
    slots: {
      expansion,
      storedOrder: compose(cypher['nodes/stored-order'], slots),
      page: compose(cypher['nodes/stored-or-counted'], {
        stored: compose(cypher['nodes/stored-order-page'], { ...slots, adjacent }),
        counted,
      }),
    },
  };
}

/** A neighbours query and the slots it is filled with (all but the lookup's). */
interface Page {
  template: Cypher;
  slots: Record<string, SlotValue>;
}

/**
 * One page of a node's neighbours with the total that match the filters, in one statement with the node's
 * lookup; undefined when no node has the key. A page the stored degree order cannot vouch for is read again,
 * counted.
 */
export async function readNeighbours(
  db: Database,
  catalog: Catalog,
  key: string,
  filter: NeighbourFilter,
): Promise<NeighbourPage | undefined> {
  if (filter.labels.length > 0 || filter.asOf !== null) {
    return readPage(db, catalog, key, filter, filteredPage(filter));
  }
  const { degreeOrderLabel } = await catalog.current();
  const page = await readPage(db, catalog, key, filter, unfilteredPage(filter, degreeOrderLabel));
  return page?.orderHeld === false ? readPage(db, catalog, key, filter, unfilteredPage(filter, null)) : page;
}

/** One page by `query`, and whether a page read in the stored order can be trusted (`orderHeld`). */
async function readPage(
  db: Database,
  catalog: Catalog,
  key: string,
  filter: NeighbourFilter,
  { template, slots }: Page,
): Promise<(NeighbourPage & { orderHeld: boolean }) | undefined> {
  const { text, parameters } = await resolvingQuery(db, catalog, template, [key], slots);
  const { records } = await db.read(text, {
    ...parameters,
    labels: filter.labels,
    asOf: filter.asOf,
    dating: filter.dating,
    limit: neo4j.int(filter.limit),
    skip: neo4j.int(filter.skip),
    walkCost: neo4j.int(walkCost),
    tiedAtMost: neo4j.int(tiedAtMost),
    walkAtMost: neo4j.int(walkAtMost),
  });
  if (records.length > 1) throw new Error(`A neighbours page came back as ${records.length} rows`);
  const record = records[0];
  if (!record) return undefined;
  const flag = (field: string) => (record.has(field) ? record.get(field) === true : undefined);
  return {
    node: record.get('n') as Neo4jNode,
    total: (record.get('total') as neo4j.Integer).toNumber(),
    relationships: record.get('relationships') as Relationship[],
    neighbours: record.get('neighbours') as Neo4jNode[],
    order: flag('stored') ? 'stored' : 'counted',
    orderHeld: flag('orderHeld') ?? true,
    lastDegree: (record.get('lastDegree') as neo4j.Integer).toNumber(),
  };
}

export interface Timeline {
  node: Neo4jNode;
  /** The node's dated relationships in all; at most `limit` of them are given. */
  total: number;
  relationships: Relationship[];
  neighbours: Neo4jNode[];
}

/** A node's dated relationships, oldest first (nodes/timeline.cypher); undefined when no node has the key. */
export async function readTimeline(
  db: Database,
  catalog: Catalog,
  key: string,
  { limit, dating }: { limit: number; dating: Record<string, { start: string; end: string | null }> },
): Promise<Timeline | undefined> {
  const { text, parameters } = await resolvingQuery(db, catalog, cypher['nodes/timeline'], [key]);
  const { records } = await db.read(text, { ...parameters, limit: neo4j.int(limit), dating });
  const record = records[0];
  if (!record) return undefined;
  return {
    node: record.get('n') as Neo4jNode,
    total: (record.get('total') as neo4j.Integer).toNumber(),
    relationships: record.get('relationships') as Relationship[],
    neighbours: record.get('neighbours') as Neo4jNode[],
  };
}
