import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';

const cypher = loadCypher('disagreements/groups');

export interface DisputedRecord {
  record: Neo4jNode | Relationship;
  /** A relationship's ends; null for a node. */
  a: Neo4jNode | null;
  b: Neo4jNode | null;
}

/** Conflict groups shown at most, and versions of one group: a graph may use `disputes` on a million records. */
export const disagreementLimits = { groups: 1_000, versions: 100 };

export interface DisagreementGroups {
  groups: { id: string; versions: DisputedRecord[] }[];
  /** Whether groups or versions were left out. */
  truncated: boolean;
}

/** The conflict groups (records sharing a `disputes` key) with their records, in key order. */
export async function readDisagreements(db: Database): Promise<DisagreementGroups> {
  const { records } = await db.read<{ dispute: string; versions: DisputedRecord[]; versionCount: neo4j.Integer }>(
    cypher['disagreements/groups'],
    { groups: neo4j.int(disagreementLimits.groups + 1), versions: neo4j.int(disagreementLimits.versions) },
  );
  const kept = records.slice(0, disagreementLimits.groups);
  return {
    groups: kept.map((record) => ({ id: record.get('dispute'), versions: record.get('versions') })),
    truncated:
      records.length > kept.length ||
      kept.some((record) => record.get('versionCount').toNumber() > disagreementLimits.versions),
  };
}
