import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { toJson } from '../../server/graph/mapping.js';
import type { Database } from '../../server/neo4j/database.js';

export interface UploadOptions {
  mapping?: unknown;
  /** A saved mapping's name, sent as `mappingName`. */
  mappingName?: string;
  dryRun?: boolean;
  rejectedRows?: 'skip' | 'fail';
  headers?: Record<string, string>;
  agent?: ReturnType<typeof request.agent>;
}

/** POST /api/imports with a file (text or bytes) and its fields, as a browser's form would send it. */
export function upload(app: Express, fileName: string, content: string | Buffer, options: UploadOptions = {}) {
  const pending = (options.agent ?? request(app)).post('/api/imports').set(options.headers ?? {});
  if (options.mapping !== undefined) pending.field('mapping', JSON.stringify(options.mapping));
  if (options.mappingName !== undefined) pending.field('mappingName', options.mappingName);
  if (options.dryRun) pending.field('dryRun', 'true');
  if (options.rejectedRows) pending.field('rejectedRows', options.rejectedRows);
  return pending.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), fileName);
}

export interface Job {
  id: string;
  status: string;
  counts: {
    rows: number;
    rejected: number;
    nodes: { created: number; updated: number; unchanged: number };
    relationships: { created: number; updated: number; unchanged: number };
  };
  errors: { line: number; reason: string }[];
  ambiguous: { line: number; value: string; matches: number }[];
  encoding: string | null;
  failure: string | null;
  progress: { rowsDone: number; rowsPerSecond: number; secondsLeft: number | null };
}

const terminal = ['done', 'failed', 'cancelled', 'rolled-back', 'interrupted'];

/** Polls an import until it has finished (or been rolled back), and returns it. */
export async function finished(app: Express, id: string): Promise<Job> {
  let job: Job | undefined;
  await expect
    .poll(
      async () => {
        job = (await request(app).get(`/api/imports/${id}`).expect(200)).body as Job;
        return terminal.includes(job.status);
      },
      { timeout: 60_000, interval: 200 },
    )
    .toBe(true);
  return job!;
}

/** Uploads, expects the 202, and waits for the job to finish. */
export async function imported(app: Express, fileName: string, content: string | Buffer, options: UploadOptions = {}) {
  const response = await upload(app, fileName, content, options);
  if (response.status !== 202) throw new Error(`Import refused: ${response.status} ${response.text}`);
  return finished(app, (response.body as Job).id);
}

/** Rolls an import back and waits until it is. */
export async function rolledBack(app: Express, id: string): Promise<Job> {
  const response = await request(app).post(`/api/imports/${id}/rollback`);
  if (response.status !== 202) throw new Error(`Rollback refused: ${response.status} ${response.text}`);
  return finished(app, id);
}

/**
 * Every node with its labels, properties and outgoing relationships, as one text to compare before and after:
 * property keys sorted, since the order Neo4j lists them in follows its store, not what they are.
 */
export async function dumpGraph(db: Database): Promise<string> {
  const { records } = await db.read(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->(m)
     RETURN labels(n) AS labels, properties(n) AS props, type(r) AS type, properties(r) AS rprops, m.id AS to
     ORDER BY n.id, n.name, type, to`,
  );
  const sorted = (value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value;
  return JSON.stringify(
    records.map((record) => {
      const row = toJson(record.toObject()) as Record<string, unknown>;
      return { ...row, props: sorted(row.props), rprops: sorted(row.rprops) };
    }),
  );
}
