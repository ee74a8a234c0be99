import path from 'node:path';
import { z } from 'zod';
import { roleNames, type Role } from './accounts/roles.js';

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

const roleName = z.enum(roleNames);

/** Addresses only this machine can reach: there, Entente may run without accounts. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

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
  ENTENTE_API_TOKEN: z.preprocess(
    emptyAsUnset,
    z
      .undefined({
        error: 'is retired: sign in, or create an API key (POST /api/keys) and send it as Authorization: Bearer',
      })
      .optional(),
  ),
  ENTENTE_AUTH: z.preprocess(emptyAsUnset, z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
  ENTENTE_ADMIN_PASSWORD: z.preprocess(
    emptyAsUnset,
    z.string().min(12, 'must be at least 12 characters').max(1024).optional(),
  ),
  PUBLIC_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://entente.example.org' }).optional(),
  ),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .int()
    .min(1, 'must be at least 1')
    .max(24 * 365)
    .default(24 * 7),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/entente')
      .optional(),
  ),
  STORE_EMBEDDED_HOME: z.string().min(1).default('.data/postgres'),
  STORE_EMBEDDED_PORT: port.default(5433),
  OIDC_ISSUER: z.preprocess(emptyAsUnset, z.url({ error: 'must be the issuer URL of an OpenID provider' }).optional()),
  OIDC_CLIENT_ID: z.preprocess(emptyAsUnset, z.string().optional()),
  OIDC_CLIENT_SECRET: z.preprocess(emptyAsUnset, z.string().optional()),
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  OIDC_ROLE_MAP: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => pair.split('=').map((part) => part.trim())),
    )
    .pipe(
      z.array(
        z.tuple([z.string().min(1), roleName], {
          error: 'must be a comma-separated list of claim=role, role one of viewer, analyst, editor, admin',
        }),
      ),
    ),
  OIDC_DEFAULT_ROLE: z
    .enum([...roleNames, 'none'], { error: 'must be viewer, analyst, editor, admin or none' })
    .default('viewer'),
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
  /** Entente's own store (accounts, sessions, keys, audit, saved queries). */
  store: {
    /** Unset means: start the embedded PostgreSQL. */
    url: string | undefined;
    embedded: { home: string; port: number };
  };
  auth: {
    /** Off: single-user mode, every caller is the local admin (loopback only). */
    enabled: boolean;
    adminPassword: string | undefined;
    /** Where browsers reach Entente (links, OIDC redirects); derived from HOST and PORT when unset. */
    publicUrl: string | undefined;
    sessionTtlHours: number;
    oidc:
      | {
          issuer: string;
          clientId: string;
          clientSecret: string | undefined;
          roleClaim: string;
          roleMap: [claim: string, role: Role][];
          defaultRole: Role | 'none';
        }
      | undefined;
  };
  api: {
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
  const authEnabled = e.ENTENTE_AUTH === 'on';
  if (!authEnabled && !isLoopback(e.HOST)) {
    throw new ConfigError(
      `Invalid configuration: ENTENTE_AUTH must be on when HOST is ${JSON.stringify(e.HOST)} (not a loopback address)`,
    );
  }
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new ConfigError('Invalid configuration: OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  }
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
    store: {
      url: e.DATABASE_URL,
      embedded: { home: path.resolve(projectRoot, e.STORE_EMBEDDED_HOME), port: e.STORE_EMBEDDED_PORT },
    },
    auth: {
      enabled: authEnabled,
      adminPassword: e.ENTENTE_ADMIN_PASSWORD,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
      sessionTtlHours: e.SESSION_TTL_HOURS,
      oidc: e.OIDC_ISSUER
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID!,
            clientSecret: e.OIDC_CLIENT_SECRET,
            roleClaim: e.OIDC_ROLE_CLAIM,
            roleMap: e.OIDC_ROLE_MAP,
            defaultRole: e.OIDC_DEFAULT_ROLE,
          }
        : undefined,
    },
    api: {
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
