import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { projectRoot } from '../../server/config.js';

export interface EntenteProcess {
  url: string;
  /** The process started (tsx, which runs the server in a child of its own: see `treeRssBytes`). */
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * A real Entente process (`server/index.ts` under tsx, as `npm start` runs the built one) on the run's
 * Neo4j and store, on a free port. Resolves once it says where it serves.
 */
export async function startEntente(env: NodeJS.ProcessEnv = {}): Promise<EntenteProcess> {
  const neo4j = inject('neo4j');
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(projectRoot, 'server/index.ts')],
    {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        LOG_LEVEL: 'warn',
        SEED_ON_START: 'false',
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        DATABASE_URL: inject('storeUrl'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Entente did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Entente exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process and all its descendants, in bytes (Linux: /proc). */
export function treeRssBytes(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop()!;
    let status: string;
    try {
      status = readFileSync(`/proc/${current}/status`, 'utf8');
    } catch {
      continue; // it has exited
    }
    total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    for (const task of readdirSync(`/proc/${current}/task`, { withFileTypes: true })) {
      try {
        const children = readFileSync(`/proc/${current}/task/${task.name}/children`, 'utf8').trim();
        if (children) pending.push(...children.split(/\s+/).map(Number));
      } catch {
        // the thread has ended
      }
    }
  }
  return total;
}
