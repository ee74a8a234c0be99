import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';
import { looksLikeElementId } from '../graph/identity.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';

const cypher = loadCypher('relationships/by-id');

/** The relationship an API id names, with its ends, or undefined. */
export async function readRelationship(
  db: Database,
  id: string,
): Promise<{ relationship: Relationship; start: Neo4jNode; end: Neo4jNode } | undefined> {
  const { records } = await db.read<{ r: Relationship; a: Neo4jNode; b: Neo4jNode }>(cypher['relationships/by-id'], {
    id,
    byProperty: !looksLikeElementId(id),
  });
  const record = records[0];
  return record && { relationship: record.get('r'), start: record.get('a'), end: record.get('b') };
}
