import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './ports.js';
import { loadConfig } from '../../server/config.js';
import type { ConnectionSettings } from '../../server/neo4j/database.js';
import { provisionNeo4j, type DatabaseOrigin } from '../../server/neo4j/provision.js';
import { migrate } from '../../server/store/migrate.js';
import { provisionStore } from '../../server/store/provision.js';
import { Store } from '../../server/store/store.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: ConnectionSettings;
    neo4jOrigin: DatabaseOrigin;
    storeUrl: string;
  }
}

/**
 * One real Neo4j for the whole run: NEO4J_URI if set, else Testcontainers if Docker answers, else the
 * embedded Neo4j in a temporary folder on a free port. One real PostgreSQL for Entente's store: DATABASE_URL
 * if set, else the embedded one, migrated as `npm start` migrates it.
 */
export default async function setup(project: TestProject) {
  const home = await mkdtemp(path.join(tmpdir(), 'entente-test-'));
  const config = loadConfig();
  const [neo4j, store] = await Promise.all([
    provisionNeo4j(config, {
      allowContainers: true,
      embedded: { home: path.join(home, 'neo4j'), boltPort: 0, heapMb: 768, pageCacheMb: 128 },
    }),
    provisionStore({ url: config.store.url, embedded: { home: path.join(home, 'postgres'), port: await freePort() } }),
  ]);
  const migrations = new Store(store.url);
  await migrate(migrations);
  await migrations.close();
  console.log(`Tests use a ${neo4j.origin} Neo4j at ${neo4j.connection.uri} and a ${store.origin} PostgreSQL`);
  project.provide('neo4j', neo4j.connection);
  project.provide('neo4jOrigin', neo4j.origin);
  project.provide('storeUrl', store.url);
  return async () => {
    await Promise.all([neo4j.stop(), store.stop()]);
    await rm(home, { recursive: true, force: true });
  };
}
