import type { Config } from '../config.js';
import type { ConnectionSettings } from './database.js';
import { startEmbeddedNeo4j, type EmbeddedEvents, type EmbeddedOptions } from './embedded.js';

export type DatabaseOrigin = 'configured' | 'container' | 'embedded';

export interface ProvisionedNeo4j {
  origin: DatabaseOrigin;
  connection: ConnectionSettings;
  /** Where the database's own log goes, when we started it. */
  logFile?: string;
  /** Stops what this module started; a configured database is left running. */
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  /** Tests only: use Testcontainers' Neo4j module when a Docker engine answers. */
  allowContainers?: boolean;
  /** Overrides the configured embedded settings (tests use a temporary home and a free port). */
  embedded?: Partial<EmbeddedOptions>;
  /** Told of the embedded database's restarts. */
  events?: EmbeddedEvents;
}

export const containerImage = 'neo4j:5.26-community';

async function startContainer(config: Config): Promise<ProvisionedNeo4j | undefined> {
  // Testcontainers is a development dependency: loaded only in tests, and only its presence is assumed.
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return undefined;
  }
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(containerImage).start();
  return {
    origin: 'container',
    connection: {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: undefined,
      queryTimeoutMs: config.neo4j.queryTimeoutMs,
    },
    stop: async () => {
      await container.stop();
    },
  };
}

/**
 * Chooses the database, in this order: NEO4J_URI when set; in tests, a Testcontainers Neo4j when a
 * Docker engine answers; otherwise an embedded Neo4j Community started here.
 */
export async function provisionNeo4j(config: Config, options: ProvisionOptions = {}): Promise<ProvisionedNeo4j> {
  if (config.neo4j.uri) {
    return {
      origin: 'configured',
      connection: { ...config.neo4j, uri: config.neo4j.uri },
      stop: async () => {},
    };
  }
  if (options.allowContainers) {
    const container = await startContainer(config);
    if (container) return container;
  }
  const embedded = await startEmbeddedNeo4j({ ...config.embedded, ...options.embedded }, options.events);
  return {
    origin: 'embedded',
    connection: {
      uri: embedded.uri,
      user: config.neo4j.user,
      password: '',
      database: undefined,
      queryTimeoutMs: config.neo4j.queryTimeoutMs,
    },
    logFile: embedded.logFile,
    stop: () => embedded.stop(),
  };
}
