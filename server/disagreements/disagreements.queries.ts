import type { Node as Neo4jNode, Relationship } from 'neo4j-driver';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';

const cypher = loadCypher('disagreements/groups');

export interface DisputedRecord {
  record: Neo4jNode | Relationship;
  /** A relationship's ends; null for a node. */
  a: Neo4jNode | null;
  b: Neo4jNode | null;
}

/** Every conflict group (records sharing a `disputes` key) with its records. */
export async function readDisagreements(db: Database): Promise<{ id: string; versions: DisputedRecord[] }[]> {
  const { records } = await db.read<{ dispute: string; versions: DisputedRecord[] }>(cypher['disagreements/groups']);
  return records.map((record) => ({ id: record.get('dispute'), versions: record.get('versions') }));
}
