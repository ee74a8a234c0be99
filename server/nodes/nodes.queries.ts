import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { idPropertyCandidates } from '../graph/identity.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { escapeName, expandEach } from '../neo4j/names.js';

const cypher = loadCypher(
  'nodes/resolve-ids',
  'nodes/resolve-id-in-label',
  'nodes/resolve-ids-by-scan',
  'nodes/degrees',
  'nodes/degree-of-type',
  'nodes/neighbours',
  'nodes/neighbours-unfiltered',
  'nodes/neighbour-count',
);

/**
 * Names written into one query at most: Neo4j plans a query with hundreds of subqueries or UNION branches
 * in seconds, so a database with many labels or types gets several small queries instead (each plan cached).
 */
const namesPerQuery = 40;

/** A list cut into pieces of `namesPerQuery`; an empty list is one empty piece (the query still runs). */
function inChunks(names: string[]): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < names.length; start += namesPerQuery)
    chunks.push(names.slice(start, start + namesPerQuery));
  return chunks.length ? chunks : [[]];
}

/**
 * Looks nodes up by API key, the exact inverse of the identity rule (graph/identity.ts): a key names the
 * node whose elementId it is, or the one node whose `id` property it writes. Keys with no node, or whose
 * `id` several nodes share, are absent from the map.
 */
export async function resolveNodes(db: Database, catalog: Catalog, ids: string[]): Promise<Map<string, Neo4jNode>> {
  const keys = new Set(ids);
  const found = new Map<string, Neo4jNode>();
  if (!keys.size) return found;
  const [{ idIndexedLabels }, identity] = await Promise.all([catalog.current(), catalog.identity()]);
  const propertyKeys = [...keys].filter((key) => identity.mayBeProperty(key));
  const byProperty = new Map<string, Set<string>>();
  const nodes = new Map<string, Neo4jNode>();
  const assign = (records: { get(key: 'n'): unknown }[]) => {
    for (const record of records) {
      const node = record.get('n') as Neo4jNode;
      nodes.set(node.elementId, node);
      if (keys.has(node.elementId)) found.set(node.elementId, node);
      const key = identity.propertyKey(node);
      if (key !== undefined && keys.has(key))
        byProperty.set(key, (byProperty.get(key) ?? new Set()).add(node.elementId));
    }
  };
  const values = (list: string[]) => list.flatMap(idPropertyCandidates);
  const lookups = await Promise.all(
    inChunks(idIndexedLabels).map((labels, chunk) =>
      db.read(
        expandEach(
          cypher['nodes/resolve-ids'],
          'each-id-indexed-label',
          cypher['nodes/resolve-id-in-label'],
          'label',
          labels,
        ),
        { elementIds: chunk === 0 ? [...keys] : [], values: values(propertyKeys) },
      ),
    ),
  );
  lookups.forEach((lookup) => assign(lookup.records));
  const unresolved = propertyKeys.filter((key) => !found.has(key) && !byProperty.has(key));
  if (unresolved.length)
    assign((await db.read(cypher['nodes/resolve-ids-by-scan'], { values: values(unresolved) })).records);
  for (const [key, elementIds] of byProperty) {
    // Two holders of one key means the identity rule was read before they met: neither is guessed at.
    if (elementIds.size === 1 && !found.has(key)) found.set(key, nodes.get([...elementIds][0]!)!);
  }
  return found;
}

export interface TypeDegree {
  type: string;
  direction: 'out' | 'in';
  count: number;
}

interface TypeCounts {
  type: string;
  out: number;
  in: number;
  /** Relationships from the node to itself, counted in both `out` and `in`. */
  loops: number;
}

/** A node's relationships per type: out, in and self-loops, read from its relationship groups. */
async function readTypeCounts(db: Database, catalog: Catalog, node: Neo4jNode): Promise<TypeCounts[]> {
  const types = (await catalog.current()).relationshipTypes.map((type) => type.name);
  if (!types.length) return [];
  const chunks = await Promise.all(
    inChunks(types).map(async (chunk) => {
      const query = expandEach(
        cypher['nodes/degrees'],
        'each-relationship-type',
        cypher['nodes/degree-of-type'],
        'type',
        chunk,
        ',\n',
      );
      const { records } = await db.read(query, { elementId: node.elementId });
      const degrees = (records[0]?.get('degrees') ?? []) as neo4j.Integer[][];
      return chunk.map((type, index) => {
        const [out, into, loops] = (degrees[index] ?? []).map((count) => count.toNumber());
        return { type, out: out ?? 0, in: into ?? 0, loops: loops ?? 0 };
      });
    }),
  );
  return chunks.flat();
}

export async function readDegrees(db: Database, catalog: Catalog, node: Neo4jNode): Promise<TypeDegree[]> {
  return (await readTypeCounts(db, catalog, node))
    .flatMap(({ type, out, in: into }) => [
      { type, direction: 'out' as const, count: out },
      { type, direction: 'in' as const, count: into },
    ])
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
  total: number;
  relationships: Relationship[];
  neighbours: Neo4jNode[];
}

/**
 * Writes the expansion's direction and types into the query where its expansion comment stands: with the types
 * written out Neo4j reads only those relationship groups of the node (3× faster on a supernode than
 * filtering on type(r)). The types have been checked against the database's own list.
 */
function withExpansion(query: string, filter: NeighbourFilter): string {
  const types = filter.types.map(escapeName).join('|');
  const relationship = types ? `[r:${types}]` : '[r]';
  const pattern =
    filter.direction === 'out'
      ? `(n)-${relationship}->(m)`
      : filter.direction === 'in'
        ? `(n)<-${relationship}-(m)`
        : `(n)-${relationship}-(m)`;
  if (!query.includes('MATCH /*expansion*/')) throw new Error('Neighbour query has no MATCH /*expansion*/ slot');
  return query.replace('MATCH /*expansion*/', `MATCH ${pattern}`);
}

/**
 * How many relationships match: from the node's per-type degrees (constant time) unless labels or a
 * date filter the far ends, which only a pass over the relationships can count.
 */
async function countNeighbours(db: Database, catalog: Catalog, node: Neo4jNode, filter: NeighbourFilter) {
  if (!filter.labels.length && !filter.asOf) {
    const counts = await readTypeCounts(db, catalog, node);
    return counts
      .filter((count) => !filter.types.length || filter.types.includes(count.type))
      .reduce(
        (sum, count) =>
          sum +
          (filter.direction === 'out'
            ? count.out
            : filter.direction === 'in'
              ? count.in
              : count.out + count.in - count.loops),
        0,
      );
  }
  const { records } = await db.read(withExpansion(cypher['nodes/neighbour-count'], filter), {
    elementId: node.elementId,
    labels: filter.labels,
    asOf: filter.asOf,
    dating: filter.dating,
  });
  return (records[0]!.get('total') as neo4j.Integer).toNumber();
}

export async function readNeighbours(
  db: Database,
  catalog: Catalog,
  node: Neo4jNode,
  filter: NeighbourFilter,
): Promise<NeighbourPage> {
  const filtered = filter.labels.length > 0 || filter.asOf !== null;
  const query = withExpansion(cypher[filtered ? 'nodes/neighbours' : 'nodes/neighbours-unfiltered'], filter);
  const parameters = {
    elementId: node.elementId,
    labels: filter.labels,
    asOf: filter.asOf,
    dating: filter.dating,
    limit: neo4j.int(filter.limit),
    skip: neo4j.int(filter.skip),
  };
  const [total, page] = await Promise.all([countNeighbours(db, catalog, node, filter), db.read(query, parameters)]);
  const record = page.records[0];
  return {
    total,
    relationships: record?.get('relationships') ?? [],
    neighbours: record?.get('neighbours') ?? [],
  };
}
