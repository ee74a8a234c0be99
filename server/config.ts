import path from 'node:path';
import { z } from 'zod';

/** The project root, so paths work the same from `server/` (tsx, tests) and `dist/server/` (built). */
export const projectRoot = path.resolve(
  import.meta.dirname,
  import.meta.dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..',
);

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const booleanFlag = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1');

const emptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** Every setting Entente reads from the environment; `.env.example` documents the same list. */
const environmentSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  NEO4J_URI: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(
        /^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/,
        'must be a Bolt or routing URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io',
      )
      .optional(),
  ),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a valid Neo4j database name')
      .optional(),
  ),
  NEO4J_EMBEDDED_HOME: z.string().min(1).default('.data/neo4j'),
  NEO4J_EMBEDDED_BOLT_PORT: port.default(7687),
  NEO4J_EMBEDDED_HEAP_MB: z.coerce
    .number({ error: 'must be a number of MiB' })
    .int()
    .min(256, 'must be at least 256')
    .default(1024),
  NEO4J_EMBEDDED_PAGECACHE_MB: z.coerce
    .number({ error: 'must be a number of MiB' })
    .int()
    .min(16, 'must be at least 16')
    .default(256),
  QUERY_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100, 'must be at least 100')
    .default(15000),
  SEED_ON_START: booleanFlag.default(true),
  SEARCH_INDEX: z.enum(['auto', 'off'], { error: 'must be auto or off' }).default('auto'),
  ENTENTE_API_TOKEN: z.preprocess(emptyAsUnset, z.string().min(16, 'must be at least 16 characters').optional()),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: 'must be a comma-separated list of origins such as https://example.org' }))),
  CYPHER_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(100, 'must be at least 100')
    .default(10_000),
  CYPHER_MAX_ROWS: z.coerce.number({ error: 'must be a number' }).int().min(1).max(100_000).default(5_000),
  CYPHER_RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: 'must be a number' }).int().min(1).default(60),
  CYPHER_MAX_VALUES: z.coerce.number({ error: 'must be a number' }).int().min(1000).default(1_000_000),
  CYPHER_CONCURRENCY: z.coerce.number({ error: 'must be a number' }).int().min(1).max(64).default(4),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  http: { port: number; host: string };
  logLevel: Environment['LOG_LEVEL'];
  neo4j: {
    /** Unset means: start the embedded database. */
    uri: string | undefined;
    user: string;
    password: string;
    /** Unset means: the server's default database. */
    database: string | undefined;
    queryTimeoutMs: number;
  };
  embedded: { home: string; boltPort: number; heapMb: number; pageCacheMb: number };
  seedOnStart: boolean;
  /** `auto`: create a full-text index for search on a database that has none. */
  searchIndex: Environment['SEARCH_INDEX'];
  api: {
    /** Unset: the write routes (users' saved queries) are off. */
    token: string | undefined;
    corsOrigins: string[];
    cypher: {
      timeoutMs: number;
      maxRows: number;
      /** JSON values in one result (list elements, map entries and properties each count one). */
      maxValues: number;
      /** Statements running at once, each in a worker thread with its own connections. */
      concurrency: number;
      ratePerMinute: number;
    };
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment once; the first bad variable is named in a one-line error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const value = env[variable];
    const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
    throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}${shown}`);
  }
  const e = parsed.data;
  return {
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    },
    embedded: {
      home: path.resolve(projectRoot, e.NEO4J_EMBEDDED_HOME),
      boltPort: e.NEO4J_EMBEDDED_BOLT_PORT,
      heapMb: e.NEO4J_EMBEDDED_HEAP_MB,
      pageCacheMb: e.NEO4J_EMBEDDED_PAGECACHE_MB,
    },
    seedOnStart: e.SEED_ON_START,
    searchIndex: e.SEARCH_INDEX,
    api: {
      token: e.ENTENTE_API_TOKEN,
      corsOrigins: e.CORS_ORIGINS,
      cypher: {
        timeoutMs: e.CYPHER_TIMEOUT_MS,
        maxRows: e.CYPHER_MAX_ROWS,
        maxValues: e.CYPHER_MAX_VALUES,
        concurrency: e.CYPHER_CONCURRENCY,
        ratePerMinute: e.CYPHER_RATE_LIMIT_PER_MINUTE,
      },
    },
  };
}
