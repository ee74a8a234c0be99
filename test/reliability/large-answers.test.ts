import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setWriteIdleTimeout } from '../../server/http/connections.js';
import { attachClientErrorHandler } from '../../server/http/problem.js';
import { seedDatabase } from '../../server/seed/prepare.js';
import { testApp } from '../support/app.js';
import { connectTestDatabase } from '../support/database.js';
import { watchHealth } from '../support/health-watch.js';
import { ReliabilityTable } from '../support/reliability-table.js';

const table = new ReliabilityTable('Large answers, clients that do not read, slow headers');
const env = { CYPHER_RATE_LIMIT_PER_MINUTE: '1000', CYPHER_TIMEOUT_MS: '40000' };
const idleMs = 2_000;

/** A statement answering `rows` rows of one string of 2^`doublings` copies of `unit`. */
const strings = (unit: string, doublings: number, rows: number) =>
  `WITH reduce(s = '${unit}', i IN range(1, ${doublings}) | s + s) AS s UNWIND range(1, ${rows}) AS i RETURN s`;

describe('answers have a byte limit and are streamed', () => {
  const db = connectTestDatabase();
  let server: Server;
  let url: string;

  const cypher = (query: string) =>
    fetch(`${url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    await seedDatabase(db);
    // As index.ts serves, with a short write idle timeout and a fast check of request timeouts.
    server = createServer(
      { headersTimeout: 1_000, requestTimeout: 2_000, connectionsCheckingInterval: 200 },
      testApp(db, env),
    );
    attachClientErrorHandler(server);
    setWriteIdleTimeout(server, idleMs);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    table.print();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it('When 4,000 rows of a 64 KiB string (262 MB of JSON) are asked for, then it is a 413 naming the byte cap', async () => {
    const health = watchHealth(url);
    const started = performance.now();
    const response = await cypher(strings('x', 16, 4000));
    const body = await response.text();
    const elapsed = Math.round(performance.now() - started);
    const { slowestMs, failures } = await health.stop();
    table.add(
      '4,000 rows × 64 KiB string',
      '413 (bytes)',
      `${response.status} in ${elapsed} ms; slowest health ${slowestMs} ms`,
    );
    expect(response.status, body.slice(0, 300)).toBe(413);
    expect(JSON.parse(body).detail).toMatch(/larger than 32 MB as JSON/);
    expect(failures).toEqual([]);
  }, 60_000);

  it('When 1,400 strings of control characters would escape to 550 M characters, then it is a 413, not a 500', async () => {
    const response = await cypher(strings('\\u0001', 16, 1400));
    const body = await response.text();
    table.add('1,400 × 64 Ki control characters', '413', String(response.status));
    expect(response.status, body.slice(0, 300)).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  }, 60_000);

  it('When an answer is large but within the cap, then it is streamed and arrives whole', async () => {
    const response = await cypher(strings('y', 20, 12));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const body = (await response.json()) as { rows: string[][] };
    table.add('12 rows × 1 MiB string', '200, chunked, whole', `${response.status}, ${body.rows.length} rows`);
    expect(body.rows).toHaveLength(12);
    expect(body.rows.every(([text]) => text!.length === 2 ** 20)).toBe(true);
  }, 60_000);

  it('When clients ask for large answers and never read them, then their connections are closed after the write idle timeout', async () => {
    const serverSockets = new Map<number, Socket>();
    const track = (socket: Socket) => serverSockets.set(socket.remotePort!, socket);
    server.on('connection', track);
    const body = JSON.stringify({ query: strings('z', 20, 16) });
    const clients = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<Socket>((resolve) => {
            const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => resolve(socket));
            socket.write(
              `POST /api/cypher HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
                `Content-Length: ${body.length}\r\n\r\n${body}`,
            );
            // Never read: the answer (16 MB each) backs up in the socket.
            socket.pause();
          }),
      ),
    );
    const started = performance.now();
    const open = () => clients.filter((client) => !serverSockets.get(client.localPort!)?.destroyed).length;
    await expect.poll(open, { timeout: 80_000, interval: 250 }).toBe(0);
    const closedAfter = Math.round(performance.now() - started);
    table.add(
      '4 clients never reading a 16 MB answer',
      `closed ${idleMs} ms after their answer stalls`,
      `all closed after ${closedAfter} ms (answers computed first)`,
    );
    server.off('connection', track);
    clients.forEach((socket) => socket.destroy());
  }, 120_000);

  it('When headers arrive too slowly, then it is a 408 problem', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () =>
        socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n'),
      );
      let text = '';
      socket.on('data', (data) => (text += String(data)));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    table.add('headers never finished', '408 problem', answer.split('\r\n')[0]!);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/application\/problem\+json/);
  }, 30_000);
});
