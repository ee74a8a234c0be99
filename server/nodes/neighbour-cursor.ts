import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import { cursorCodec } from '../http/cursor.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { expansionOf, resolvingQuery, type NeighbourFilter, type NeighbourPage } from './nodes.queries.js';

const cypher = loadCypher('nodes/neighbours-after');

/**
 * The orders a node's neighbours page in: `degree`, most-connected first (the far end's degree, then the
 * relationship's elementId); `id`, by the relationship's elementId alone, which no write changes.
 */
export type NeighbourOrder = 'degree' | 'id';

/** A position in a neighbours walk: the last relationship's elementId, and its far end's degree (degree order). */
export type NeighbourPosition = [degree: number | null, relationshipId: string];

export const neighbourCursors = cursorCodec(
  'neighbours',
  z.tuple([z.number().int().nonnegative().nullable(), z.string().min(1).max(300)]),
);

/** What a cursor is bound to: the node, the order and the filters (a cursor is refused with other ones). */
export function neighbourScope(key: string, order: NeighbourOrder, filter: NeighbourFilter): string {
  return JSON.stringify([
    key,
    order,
    filter.types,
    filter.labels,
    filter.direction,
    String(filter.asOf),
    filter.dating,
  ]);
}

/**
 * One page of a node's neighbours after `position` (none: the first page) in `order`, with whether more
 * follow; undefined when no node has the key (nodes/neighbours-after.cypher).
 */
export async function readNeighboursAfter(
  db: Database,
  catalog: Catalog,
  key: string,
  order: NeighbourOrder,
  position: NeighbourPosition | null,
  filter: NeighbourFilter,
): Promise<(NeighbourPage & { more: boolean; last: NeighbourPosition | null }) | undefined> {
  const { text, parameters } = await resolvingQuery(db, catalog, cypher['nodes/neighbours-after'], [key], {
    expansion: expansionOf(filter).expansion,
  });
  const { records } = await db.read(text, {
    ...parameters,
    labels: filter.labels,
    asOf: filter.asOf,
    dating: filter.dating,
    byDegree: order === 'degree',
    afterDegree: neo4j.int(position?.[0] ?? 0),
    // '' (before every elementId) rather than null for the first page: one plan for every page.
    afterId: position?.[1] ?? '',
    skip: neo4j.int(filter.skip),
    limit: neo4j.int(filter.limit),
  });
  const record = records[0];
  if (!record) return undefined;
  const relationships = record.get('relationships') as Relationship[];
  const degrees = (record.get('degrees') as neo4j.Integer[]).map((degree) => degree.toNumber());
  const kept = Math.min(relationships.length, filter.limit);
  const lastRelationship = relationships[kept - 1];
  return {
    node: record.get('n') as Neo4jNode,
    total: (record.get('total') as neo4j.Integer).toNumber(),
    relationships: relationships.slice(0, kept),
    neighbours: (record.get('neighbours') as Neo4jNode[]).slice(0, kept),
    order: 'counted',
    more: relationships.length > filter.limit,
    last: lastRelationship ? [order === 'degree' ? degrees[kept - 1]! : null, lastRelationship.elementId] : null,
  };
}
