import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config.js';
import type { ConnectionSettings } from '../../server/neo4j/database.js';
import { provisionNeo4j, type DatabaseOrigin } from '../../server/neo4j/provision.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: ConnectionSettings;
    neo4jOrigin: DatabaseOrigin;
  }
}

/**
 * One real Neo4j for the whole run: NEO4J_URI if set, else Testcontainers if Docker answers, else the
 * embedded Neo4j in a temporary folder on a free port.
 */
export default async function setup(project: TestProject) {
  const home = await mkdtemp(path.join(tmpdir(), 'entente-test-neo4j-'));
  const neo4j = await provisionNeo4j(loadConfig(), {
    allowContainers: true,
    embedded: { home, boltPort: 0, heapMb: 768, pageCacheMb: 128 },
  });
  console.log(`Tests use a ${neo4j.origin} Neo4j at ${neo4j.connection.uri}`);
  project.provide('neo4j', neo4j.connection);
  project.provide('neo4jOrigin', neo4j.origin);
  return async () => {
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  };
}
