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

/**
 * Every setting Entente reads from the environment, with its check and default: the one declaration.
 * `settingDocs` below says what each means; `.env.example` and the README's configuration table are written
 * from both by `npm run config:docs` (server/config-docs.ts), and a unit test fails when they differ.
 */
const settings = {
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
};

const environmentSchema = z.object(settings);

export type SettingName = keyof typeof settings;

/** What a setting means, for people: where it is listed, one line of meaning, and an example when unset. */
export interface SettingDoc {
  section: string;
  meaning: string;
  /** A value to show (commented out) in `.env.example` for a setting that is unset by default. */
  example?: string;
}

const http = 'HTTP server';
const neo4j = 'Neo4j: an existing server, Aura or cluster (unset NEO4J_URI: the embedded Neo4j Community)';
const embedded = 'Embedded Neo4j (used only when NEO4J_URI is unset)';
const data = 'Dataset and search';
const accounts = 'Accounts (see the README\'s "Accounts, roles and the store")';
const oidc = 'Single sign-on (OpenID Connect, code flow with PKCE)';
const store = "Entente's own store (PostgreSQL; unset DATABASE_URL: an embedded PostgreSQL)";
const api = 'API and the Cypher console';

/** One entry per setting (the type makes a missing or extra one a compile error), in the order they are listed. */
export const settingDocs = {
  PORT: { section: http, meaning: 'port of the HTTP server (0: any free port)' },
  HOST: { section: http, meaning: 'address the HTTP server listens on (0.0.0.0: every interface, as in Docker)' },
  LOG_LEVEL: {
    section: http,
    meaning: 'pino level (fatal, error, warn, info, debug, trace, silent); logs are JSON lines, one per request',
  },
  NEO4J_URI: {
    section: neo4j,
    meaning: 'an existing Neo4j 5 (bolt://, bolt+s://, neo4j://, neo4j+s://); unset starts the embedded one',
    example: 'neo4j+s://xxxxxxxx.databases.neo4j.io',
  },
  NEO4J_USER: { section: neo4j, meaning: 'user for NEO4J_URI' },
  NEO4J_PASSWORD: { section: neo4j, meaning: 'password for NEO4J_URI' },
  NEO4J_DATABASE: { section: neo4j, meaning: "database name; unset: the server's default database", example: 'neo4j' },
  QUERY_TIMEOUT_MS: { section: neo4j, meaning: 'transaction timeout of every query the explorer runs' },
  NEO4J_EMBEDDED_HOME: { section: embedded, meaning: 'data and logs of the embedded Neo4j, relative to the project' },
  NEO4J_EMBEDDED_BOLT_PORT: { section: embedded, meaning: 'its Bolt port on 127.0.0.1 (0: any free port)' },
  NEO4J_EMBEDDED_HEAP_MB: { section: embedded, meaning: 'its JVM heap, in MiB' },
  NEO4J_EMBEDDED_PAGECACHE_MB: { section: embedded, meaning: 'its page cache, in MiB' },
  SEED_ON_START: { section: data, meaning: 'load the default dataset into an empty database at start-up' },
  SEARCH_INDEX: {
    section: data,
    meaning: 'auto: create a full-text index for search where none exists; off: search scans instead',
  },
  ENTENTE_API_TOKEN: {
    section: accounts,
    meaning: 'retired: must stay unset (sign in, or create an API key and send it as a Bearer token)',
  },
  ENTENTE_AUTH: {
    section: accounts,
    meaning: 'on: accounts, roles, sessions and keys; required beyond loopback; unset on loopback: single-user mode',
    example: 'on',
  },
  ENTENTE_ADMIN_PASSWORD: {
    section: accounts,
    meaning: "the first admin's password (user admin, 12 characters or more); unset: a one-time link is printed",
  },
  PUBLIC_URL: {
    section: accounts,
    meaning: 'where browsers reach Entente (links, single sign-on redirects); unset: taken from each request',
    example: 'https://entente.example.org',
  },
  SESSION_TTL_HOURS: { section: accounts, meaning: 'how long a session lasts, in hours' },
  OIDC_ISSUER: {
    section: oidc,
    meaning: 'issuer URL of the OpenID provider; unset: no single sign-on',
    example: 'https://id.example.org',
  },
  OIDC_CLIENT_ID: {
    section: oidc,
    meaning: "Entente's client id there (required with OIDC_ISSUER)",
    example: 'entente',
  },
  OIDC_CLIENT_SECRET: { section: oidc, meaning: "Entente's client secret there (none for a public client)" },
  OIDC_ROLE_CLAIM: { section: oidc, meaning: 'the ID token claim holding roles' },
  OIDC_ROLE_MAP: {
    section: oidc,
    meaning: 'claim=role pairs, comma-separated, e.g. entente-admins=admin,staff=analyst',
  },
  OIDC_DEFAULT_ROLE: { section: oidc, meaning: 'the role of a user no claim maps; none: refuse them' },
  DATABASE_URL: {
    section: store,
    meaning: "Entente's store in your PostgreSQL; unset starts the embedded one",
    example: 'postgres://entente:password@db.example.org:5432/entente',
  },
  STORE_EMBEDDED_HOME: { section: store, meaning: "the embedded PostgreSQL's data folder, relative to the project" },
  STORE_EMBEDDED_PORT: { section: store, meaning: 'its port on 127.0.0.1' },
  CORS_ORIGINS: { section: api, meaning: 'comma-separated origins allowed to call the API from a browser' },
  CYPHER_TIMEOUT_MS: { section: api, meaning: 'Cypher console and saved queries: transaction timeout' },
  CYPHER_MAX_ROWS: { section: api, meaning: '... and row cap (meta.truncated says when it was hit)' },
  CYPHER_RATE_LIMIT_PER_MINUTE: {
    section: api,
    meaning: '... and runs per caller per minute (console and saved queries, one budget counted in the store)',
  },
  CYPHER_MAX_VALUES: { section: api, meaning: '... and values in one result (list elements, properties…; 413 beyond)' },
  CYPHER_CONCURRENCY: { section: api, meaning: '... and statements running at once (worker threads)' },
} satisfies Record<SettingName, SettingDoc>;

/** A setting's default as it would be written in the environment (`undefined`: unset). */
export function settingDefault(name: SettingName): string | undefined {
  const parsed = settings[name].safeParse(undefined);
  if (!parsed.success || parsed.data === undefined) return undefined;
  const value: unknown = parsed.data;
  return Array.isArray(value) ? value.join(',') : String(value);
}

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
