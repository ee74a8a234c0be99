import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { projectRoot } from '../config.js';
import { allowedProcedures } from '../console/read-only.js';

const launcherDir = path.join(projectRoot, 'server/neo4j/embedded');
const launcherSource = path.join(launcherDir, 'EmbeddedNeo4j.java');
const pomFile = path.join(launcherDir, 'pom.xml');
const launcherCacheDir = path.join(projectRoot, 'node_modules/.cache/entente');
const startTimeoutMs = 180_000;
const stopTimeoutMs = 60_000;

/**
 * The only procedures the embedded database keeps: the console's allow-list, and what the API runs
 * itself (index waits at start-up, graph counts for the catalogue, the version for health). Every other
 * one, built-ins such as dbms.listConfig or db.prepareForReplanning included, is removed at start-up.
 */
export const embeddedProcedureAllowlist = [
  ...allowedProcedures,
  'db.awaitIndexes',
  'db.stats.retrieve',
  'dbms.components',
  // What a routing driver (neo4j://) asks first.
  'dbms.routing.getRoutingTable',
  'dbms.cluster.routing.getRoutingTable',
];

export interface EmbeddedOptions {
  /** Neo4j home: data and Neo4j's own logs live under it. */
  home: string;
  /** 0 picks a free port. */
  boltPort: number;
  heapMb: number;
  pageCacheMb: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  home: string;
  logFile: string;
  pid: number;
  stop(): Promise<void>;
}

export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
}

const execFileAsync = promisify(execFile);

async function runTool(command: string, args: string[], failure: string): Promise<void> {
  try {
    await execFileAsync(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
    throw new EmbeddedStartError(`${failure}: ${detail}`);
  }
}

/**
 * Resolves the launcher's jars with Maven and compiles it, once per version of the POM and the Java
 * source, into a cache folder; returns a java argument file with the classpath. Only the first start
 * downloads jars: later starts run neither Maven nor javac.
 */
async function prepareLauncher(): Promise<string> {
  const digest = createHash('sha256')
    .update(await readFile(pomFile))
    .update(await readFile(launcherSource))
    .digest('hex')
    .slice(0, 16);
  const buildDir = path.join(launcherCacheDir, `launcher-${digest}`);
  const classpathFile = path.join(buildDir, 'classpath.txt');
  const argumentFile = path.join(buildDir, 'java.args');
  if (existsSync(argumentFile)) {
    const classpath = (await readFile(classpathFile, 'utf8')).trim();
    if (classpath.split(path.delimiter).every((jar) => existsSync(jar))) return argumentFile;
  }
  await mkdir(buildDir, { recursive: true });
  await runTool(
    'mvn',
    ['-q', '-B', '-f', pomFile, 'dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`],
    "Could not resolve the embedded Neo4j jars with Maven (is 'mvn' installed and Maven Central reachable?)",
  );
  const classpath = (await readFile(classpathFile, 'utf8')).trim();
  await runTool(
    'javac',
    ['-cp', classpath, '-d', buildDir, launcherSource],
    "Could not compile the embedded Neo4j launcher (is a JDK 17+ 'javac' installed?)",
  );
  await writeFile(argumentFile, `-cp ${JSON.stringify([buildDir, classpath].join(path.delimiter))}\n`);
  return argumentFile;
}

function waitForReadyLine(child: ChildProcess, home: string, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedStartError(`Embedded Neo4j did not start within ${startTimeoutMs / 1000} s; see ${logFile}`));
    }, startTimeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('ENTENTE_READY ')) {
        clearTimeout(timer);
        resolve(Number(line.slice('ENTENTE_READY '.length)));
      } else if (line === 'ENTENTE_STORE_LOCKED') {
        clearTimeout(timer);
        reject(
          new EmbeddedStartError(
            `The embedded Neo4j store at ${home} is in use by another process (is another 'npm start' running?). ` +
              'Stop it first, or set NEO4J_EMBEDDED_HOME to another folder.',
          ),
        );
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new EmbeddedStartError(`Embedded Neo4j exited during start-up (${signal ?? `code ${code}`}); see ${logFile}`),
      );
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new EmbeddedStartError(`Could not run 'java' for the embedded Neo4j: ${error.message}`));
    });
  });
}

/** What the supervisor reports: each restart, and giving up. */
export interface EmbeddedEvents {
  restarting(reason: string, attempt: number, delayMs: number): void;
  restarted(pid: number, attempt: number): void;
  gaveUp(reason: string): void;
}

const silentEvents: EmbeddedEvents = { restarting() {}, restarted() {}, gaveUp() {} };

/**
 * Restart delays after an unexpected exit; more exits than this within `crashWindowMs` and it gives up. A
 * JVM that served for `stableAfterMs` before it exited was not in a crash loop: its exit counts afresh, so
 * whatever makes a healthy database exit now and then cannot make the supervisor give up.
 */
export interface Supervision {
  restartDelaysMs: number[];
  crashWindowMs: number;
  stableAfterMs: number;
}

const defaultSupervision: Supervision = {
  restartDelaysMs: [1_000, 2_000, 4_000, 8_000, 15_000],
  crashWindowMs: 10 * 60_000,
  stableAfterMs: 60_000,
};

interface RunningJvm {
  child: ChildProcess;
  exited: Promise<void>;
  port: number;
}

/** One JVM run: spawns it and resolves once Bolt accepts connections on the port it reports. */
async function launch(
  argumentFile: string,
  options: EmbeddedOptions,
  logFile: string,
  log: NodeJS.WritableStream,
): Promise<RunningJvm> {
  const transactionTotalMb = Math.max(64, Math.floor(options.heapMb / 2));
  const child = spawn(
    'java',
    [
      `-Xms${Math.min(256, options.heapMb)}m`,
      `-Xmx${options.heapMb}m`,
      '-XX:+UseG1GC',
      // No -XX:+ExitOnOutOfMemoryError: a query that exhausts the heap (a string doubled forty times) fails
      // on its own thread with Neo4j's OutOfMemoryError and the database goes on serving, where exiting
      // handed any client a way to stop it. A database that panics exits (EmbeddedNeo4j.java) and is
      // restarted by the supervisor below.
      `@${argumentFile}`,
      'EmbeddedNeo4j',
      options.home,
      String(options.boltPort),
      String(options.pageCacheMb),
      String(transactionTotalMb),
      String(Math.min(256, Math.floor(transactionTotalMb / 2))),
      embeddedProcedureAllowlist.join(','),
    ],
    // stdin stays a pipe: the launcher stops when it closes, so the JVM cannot outlive this process.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const port = await waitForReadyLine(child, options.home, logFile);
    return { child, exited, port };
  } catch (error) {
    await exited;
    throw error;
  }
}

/**
 * Starts Neo4j Community in a child JVM (Java 17+, official artefacts from Maven Central) with Bolt on
 * 127.0.0.1 and resolves once Bolt accepts connections. The JVM's output goes to `<home>/launcher.log`.
 * The child is supervised: when it exits on its own (a crash, a panic, a kill), it is
 * started again on the same store and port after a growing delay, and `events` hear of it; after
 * repeated exits in quick succession (see `Supervision`) the supervisor gives up and says so once.
 */
export async function startEmbeddedNeo4j(
  options: EmbeddedOptions,
  events: EmbeddedEvents = silentEvents,
  { restartDelaysMs, crashWindowMs, stableAfterMs }: Supervision = defaultSupervision,
): Promise<EmbeddedNeo4j> {
  const argumentFile = await prepareLauncher();
  await mkdir(options.home, { recursive: true });
  const logFile = path.join(options.home, 'launcher.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  await writeFile(path.join(options.home, 'README.txt'), 'Data of the embedded Neo4j started by Entente.\n');

  let current: RunningJvm;
  try {
    current = await launch(argumentFile, options, logFile, log);
  } catch (error) {
    log.end();
    throw error;
  }
  // Restarts keep the first port, so connections made to it find the database again.
  const restartOptions = { ...options, boltPort: current.port };
  let stopping = false;
  const exits: number[] = [];

  /** The restart in progress, which stop() lets finish before it stops what that started. */
  let restarting: Promise<void> | undefined;
  /** Ends the wait before a restart early, when stop() is called. */
  let skipDelay: (() => void) | undefined;

  const supervise = (jvm: RunningJvm) => {
    const readyAt = Date.now();
    jvm.child.once('exit', (code, signal) => {
      if (Date.now() - readyAt >= stableAfterMs) exits.length = 0;
      if (!stopping) restarting = restart(`exited (${signal ?? `code ${code}`})`);
    });
  };

  /** One delay per recent exit (within `crashWindowMs`, since the last stable run); past the last one, give up. */
  const restart = async (reason: string) => {
    exits.push(Date.now());
    for (;;) {
      while (exits[0]! < Date.now() - crashWindowMs) exits.shift();
      const attempt = exits.length;
      const delayMs = restartDelaysMs[attempt - 1];
      if (stopping) return;
      if (delayMs === undefined) {
        events.gaveUp(
          `Embedded Neo4j exited ${attempt} times in a row within ${crashWindowMs / 60_000} minutes (${reason}); see ${logFile}`,
        );
        return;
      }
      events.restarting(reason, attempt, delayMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        skipDelay = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (stopping) return;
      try {
        current = await launch(argumentFile, restartOptions, logFile, log);
        supervise(current);
        events.restarted(current.child.pid!, attempt);
        return;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
        exits.push(Date.now());
      }
    }
  };
  supervise(current);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    skipDelay?.();
    stopped ??= (async () => {
      await restarting;
      const { child, exited } = current;
      const killer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killer);
      log.end();
    })();
    return stopped;
  };
  return {
    uri: `bolt://127.0.0.1:${current.port}`,
    home: options.home,
    logFile,
    get pid() {
      return current.child.pid!;
    },
    stop,
  };
}
