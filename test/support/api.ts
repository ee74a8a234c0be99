import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../server/neo4j/database.js';
import { seedDatabase } from '../../server/seed/prepare.js';
import { testApp } from './app.js';
import { connectTestDatabase } from './database.js';

export interface ApiContext {
  db: Database;
  app: Express;
  api: () => ReturnType<typeof request>;
}

/**
 * For a test file of API tests: a connection to the run's Neo4j with the default dataset loaded, and the
 * app built on it (with `env` as its configuration).
 */
export function useApi(env: NodeJS.ProcessEnv = {}): ApiContext {
  const context = { db: connectTestDatabase() } as ApiContext;
  beforeAll(async () => {
    await seedDatabase(context.db);
    context.app = testApp(context.db, env);
    context.api = () => request(context.app);
  });
  afterAll(() => context.db.close());
  return context;
}

/** The problem+json body of a response, after checking its content type. */
export function problem(response: request.Response) {
  if (!/^application\/problem\+json/.test(String(response.headers['content-type']))) {
    throw new Error(`Expected a problem+json response, got ${response.headers['content-type']}: ${response.text}`);
  }
  return response.body as { type: string; title: string; status: number; detail: string; errors?: unknown[] };
}

/** The raw bytes of an answer, whatever its content type. */
export function bytes<T extends { buffer(value: boolean): T; parse(parser: unknown): T }>(request: T): T {
  return request.buffer(true).parse((response: NodeJS.ReadableStream, done: (error: null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}
