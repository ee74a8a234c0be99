import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../server/seed/prepare.js';
import { connectTestDatabase } from '../support/database.js';
import { ReliabilityTable } from '../support/reliability-table.js';
import { listenTestApp, type RunningServer } from '../support/server.js';
import { hostileStatements, legitimateReads } from './console-corpus.js';

const table = new ReliabilityTable('The read-only console against its attack corpus');

describe('the Cypher console is read-only by construction', () => {
  const db = connectTestDatabase();
  let server: RunningServer;
  let canary: Server;
  let canaryUrl: string;
  const canaryHits: string[] = [];

  async function counts() {
    const one = async (query: string) => Number((await db.read(query)).records[0]!.get(0));
    return {
      nodes: await one('MATCH (n) RETURN count(n)'),
      relationships: await one('MATCH ()-[r]->() RETURN count(r)'),
      labels: await one('CALL db.labels() YIELD label RETURN count(label)'),
      constraints: await one('SHOW CONSTRAINTS YIELD name RETURN count(name)'),
      indexes: await one('SHOW INDEXES YIELD name RETURN count(name)'),
      properties: await one("MATCH (n {id: 'microsoft'}) RETURN size(keys(n))"),
    };
  }

  const send = (query: string, params: Record<string, unknown> = {}) =>
    fetch(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params }),
    });

  beforeAll(async () => {
    await seedDatabase(db);
    canary = createServer((req, res) => {
      canaryHits.push(req.url ?? '');
      res.end('a,b\n1,2\n');
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => canary.once('listening', resolve));
    canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
    server = await listenTestApp(db, { CYPHER_RATE_LIMIT_PER_MINUTE: '100000', CYPHER_TIMEOUT_MS: '5000' });
  });

  afterAll(async () => {
    table.print();
    await server.close();
    await new Promise((resolve) => canary.close(resolve));
    await db.close();
  });

  it('When every statement of the attack corpus is sent, then each is refused, the graph is unchanged and no URL is fetched', async () => {
    const statements = hostileStatements(canaryUrl);
    expect(statements.length).toBeGreaterThanOrEqual(150);
    const before = await counts();
    const accepted: string[] = [];
    const statuses = new Map<number, number>();
    for (const statement of statements) {
      const response = await send(statement);
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (![400, 403].includes(response.status)) accepted.push(`${response.status}: ${statement}`);
    }
    const after = await counts();
    table.add(
      `${statements.length} write, admin, file/URL and procedure statements, disguised`,
      'each 400/403; graph, schema and canary untouched',
      `${[...statuses].map(([status, n]) => `${n}× ${status}`).join(', ')}; canary hits: ${canaryHits.length}`,
    );
    expect(accepted).toEqual([]);
    expect(after).toEqual(before);
    expect(canaryHits).toEqual([]);
  }, 300_000);

  it('When everyday reads are sent, then every one of them runs', async () => {
    expect(legitimateReads.length).toBeGreaterThanOrEqual(50);
    const failed: string[] = [];
    for (const statement of legitimateReads) {
      const response = await send(statement, { value: 42 });
      const body = await response.text();
      if (response.status !== 200) failed.push(`${response.status}: ${statement}: ${body.slice(0, 160)}`);
    }
    table.add(
      `${legitimateReads.length} everyday reads`,
      'each 200',
      `${legitimateReads.length - failed.length} × 200`,
    );
    expect(failed).toEqual([]);
  }, 300_000);
});
