import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';

const cypher = loadCypher('changes/between');

export interface DatedRecord {
  item: Neo4jNode | Relationship;
  /** A relationship's ends; null for a node. */
  a: Neo4jNode | null;
  b: Neo4jNode | null;
  since: neo4j.Date | null;
  until: neo4j.Date | null;
}

/** Records that began or ended in (from, to], earliest first, at most `limit`. */
export async function readChanges(
  db: Database,
  request: {
    from: neo4j.Date<number>;
    to: neo4j.Date<number>;
    excluded: string[];
    dating: Record<string, { start: string; end: string | null }>;
    limit: number;
  },
): Promise<DatedRecord[]> {
  const { records } = await db.read<DatedRecord>(cypher['changes/between'], {
    ...request,
    limit: neo4j.int(request.limit),
  });
  return records.map((record) => record.toObject());
}
