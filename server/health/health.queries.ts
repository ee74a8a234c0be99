import type { Database } from '../neo4j/database.js';
import { loadCypher } from '../neo4j/cypher.js';

const cypher = loadCypher('health/components');

export interface ServerInfo {
  version: string;
  edition: string;
}

export async function readServerInfo(db: Database): Promise<ServerInfo> {
  const { records } = await db.read<{ version: string; edition: string }>(cypher['health/components']);
  const record = records[0];
  if (!record) throw new Error('dbms.components() returned no Neo4j Kernel row');
  return { version: record.get('version'), edition: record.get('edition') };
}
