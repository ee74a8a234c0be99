import neo4j, { type Date as Neo4jDate, type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { ApiEdge, ApiNode } from '../graph/graph.schemas.js';
import type { NodeIdentity } from '../graph/identity.js';
import { toApiEdgeBetween, toApiNode } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import { compose, loadCypher, type Cypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';

const cypher = loadCypher(
  'export/all-nodes',
  'export/all-relationships',
  'export/all-node-keys',
  'export/all-relationship-keys',
  'export/set-nodes',
  'export/set-relationships',
  'export/set-node-keys',
  'export/set-relationship-keys',
  'export/around',
);

/** How long one export's transaction may stay open (the database may bound it further). */
export const exportTimeoutMs = 10 * 60_000;

/** Nodes in a neighbourhood (`around`), at most: their elementIds are held while the export runs. */
export const maxNeighbourhoodNodes = 100_000;

export interface ExportNode {
  node: ApiNode;
  /** The day it began and ended by the dating rule (ISO dates), or null. */
  since: string | null;
  until: string | null;
}

export interface ExportEdge {
  edge: ApiEdge;
  since: string | null;
  until: string | null;
}

/** The type a file format declares for a property: what every value of that key has in common. */
/** `date`: a Cypher DATE, written as ISO text and marked so that Entente's import reads it back as a date. */
export type PropertyType = 'boolean' | 'long' | 'double' | 'string' | 'date';

/** Property keys by name, sorted, with their declared types. */
export interface PropertyTypes {
  nodes: [key: string, type: PropertyType][];
  edges: [key: string, type: PropertyType][];
}

/** What an export writes: its property keys first (for formats that declare them), then nodes, then edges. */
export interface ExportSource {
  propertyTypes(): Promise<PropertyTypes>;
  /** `dated`: with since and until (null otherwise, which saves their computation per record). */
  nodes(dated: boolean): AsyncIterable<ExportNode>;
  edges(dated: boolean): AsyncIterable<ExportEdge>;
  /** The same, in arrays of many: one step per batch for a writer that is quick per record (NDJSON). */
  nodeBatches(dated: boolean): AsyncIterable<ExportNode[]>;
  edgeBatches(dated: boolean): AsyncIterable<ExportEdge[]>;
}

/** One declared type for the Cypher value types (`valueType()`) a key's values have. */
export function declaredType(valueTypes: string[]): PropertyType {
  const kinds = new Set(
    valueTypes.map((type) =>
      type.startsWith('INTEGER')
        ? 'long'
        : type.startsWith('FLOAT')
          ? 'double'
          : type.startsWith('BOOLEAN')
            ? 'boolean'
            : /^DATE( |$)/.test(type)
              ? 'date'
              : 'string',
    ),
  );
  if (kinds.size === 1) return [...kinds][0] as PropertyType;
  if (kinds.size === 2 && kinds.has('long') && kinds.has('double')) return 'double';
  return 'string';
}

const isoDay = (value: Neo4jDate | null): string | null => (value ? value.toString() : null);

type Dating = Record<string, { start: string; end: string | null }>;

interface Statements {
  nodes: Cypher;
  relationships: Cypher;
  nodeKeys: Cypher;
  relationshipKeys: Cypher;
  parameters: Record<string, unknown>;
}

function source(db: Database, identity: NodeIdentity, statements: Statements): ExportSource {
  const options = { timeoutMs: exportTimeoutMs };
  const keys = async (statement: Cypher) => {
    const types: [string, PropertyType][] = [];
    for await (const record of db.stream<{ key: string; types: string[] }>(statement, statements.parameters, options)) {
      types.push([record.get('key'), declaredType(record.get('types'))]);
    }
    return types.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  async function* nodeBatches(dated: boolean): AsyncGenerator<ExportNode[]> {
    type Row = { n: Neo4jNode; since: Neo4jDate | null; until: Neo4jDate | null };
    const parameters = { ...statements.parameters, dated };
    for await (const records of db.streamBatches<Row>(statements.nodes, parameters, options)) {
      yield records.map((record) => ({
        node: toApiNode(record.get('n'), identity),
        since: isoDay(record.get('since')),
        until: isoDay(record.get('until')),
      }));
    }
  }
  async function* edgeBatches(dated: boolean): AsyncGenerator<ExportEdge[]> {
    type Row = {
      r: Relationship;
      sourceId: unknown;
      targetId: unknown;
      since: Neo4jDate | null;
      until: Neo4jDate | null;
    };
    const parameters = { ...statements.parameters, dated };
    for await (const records of db.streamBatches<Row>(statements.relationships, parameters, options)) {
      yield records.map((record) => {
        const r = record.get('r');
        return {
          edge: toApiEdgeBetween(
            r,
            identity.keyOfParts(record.get('sourceId'), r.startNodeElementId),
            identity.keyOfParts(record.get('targetId'), r.endNodeElementId),
          ),
          since: isoDay(record.get('since')),
          until: isoDay(record.get('until')),
        };
      });
    }
  }
  return {
    async propertyTypes() {
      const [nodes, edges] = await Promise.all([keys(statements.nodeKeys), keys(statements.relationshipKeys)]);
      return { nodes, edges };
    },
    nodeBatches,
    edgeBatches,
    async *nodes(dated) {
      for await (const batch of nodeBatches(dated)) yield* batch;
    },
    async *edges(dated) {
      for await (const batch of edgeBatches(dated)) yield* batch;
    },
  };
}

/** Every node and relationship of the database. */
export function wholeGraph(db: Database, identity: NodeIdentity, dating: Dating): ExportSource {
  return source(db, identity, {
    nodes: cypher['export/all-nodes'],
    relationships: cypher['export/all-relationships'],
    nodeKeys: cypher['export/all-node-keys'],
    relationshipKeys: cypher['export/all-relationship-keys'],
    parameters: { dating },
  });
}

/** The given nodes (by elementId) and every relationship among them. */
export function nodeSet(db: Database, identity: NodeIdentity, dating: Dating, elementIds: string[]): ExportSource {
  return source(db, identity, {
    nodes: cypher['export/set-nodes'],
    relationships: cypher['export/set-relationships'],
    nodeKeys: cypher['export/set-node-keys'],
    relationshipKeys: cypher['export/set-relationship-keys'],
    parameters: { dating, elementIds },
  });
}

/**
 * The elementIds of the nodes at most `depth` steps from a node, itself included; a neighbourhood of more
 * than `maxNeighbourhoodNodes` is a 413 naming the limit and the ways around it.
 */
export async function neighbourhood(db: Database, elementId: string, depth: number): Promise<string[]> {
  const elementIds: string[] = [];
  for await (const record of db.stream<{ elementId: string }>(
    compose(cypher['export/around'], { depth }),
    { elementId, limit: neo4j.int(maxNeighbourhoodNodes + 1) },
    { timeoutMs: exportTimeoutMs },
  )) {
    elementIds.push(record.get('elementId'));
  }
  if (elementIds.length > maxNeighbourhoodNodes) {
    throw new ProblemError(
      413,
      'export-too-large',
      'Neighbourhood too large',
      `The neighbourhood of depth ${depth} holds more than ${maxNeighbourhoodNodes.toLocaleString('en')} nodes, ` +
        'the most an `around` export takes: ask for a smaller depth, or export the whole graph (no `around`).',
    ).with({ limit: maxNeighbourhoodNodes, parameter: 'depth' });
  }
  return elementIds;
}
