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

interface Databases {
  neo4j: ConnectionSettings;
  neo4jOrigin: DatabaseOrigin;
  storeUrl: string;
  stop: () => Promise<void>;
}

interface Shared {
  started: Promise<Databases>;
  users: number;
}

// Each project that needs the databases (api, e2e, slow) names this file; vitest calls it once per such
// project in the run, each time from its own module graph but in the same process. The first call starts the
// databases, the others share them, and the last teardown stops them: one Neo4j and one PostgreSQL per run.
const key = Symbol.for('entente.test.databases');
const registry = globalThis as typeof globalThis & { [key]?: Shared };

/**
 * One real Neo4j for the whole run: NEO4J_URI if set, else Testcontainers if Docker answers, else the
 * embedded Neo4j in a temporary folder on a free port. One real PostgreSQL for Entente's store: DATABASE_URL
 * if set, else the embedded one, migrated as `npm start` migrates it.
 */
async function start(): Promise<Databases> {
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
  return {
    neo4j: neo4j.connection,
    neo4jOrigin: neo4j.origin,
    storeUrl: store.url,
    stop: async () => {
      await Promise.all([neo4j.stop(), store.stop()]);
      await rm(home, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  const shared = (registry[key] ??= { started: start(), users: 0 });
  shared.users += 1;
  const databases = await shared.started;
  project.provide('neo4j', databases.neo4j);
  project.provide('neo4jOrigin', databases.neo4jOrigin);
  project.provide('storeUrl', databases.storeUrl);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete registry[key];
    await databases.stop();
  };
}
