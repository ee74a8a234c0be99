import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCypher } from '../../../server/neo4j/cypher.js';
import { connectTestDatabase } from '../../support/database.js';
import { startEntente, treeRssBytes, type EntenteProcess } from '../../support/process.js';

const db = connectTestDatabase();
let entente: EntenteProcess;

const bulkNodes = 20_000;
const bulkRelationships = 200_000;
const batch = 50_000;

/** The whole-graph export's statements, as sent (comments are gone when files load). */
const exportStatements = Object.values(loadCypher('export/all-nodes', 'export/all-relationships')).map(String);

/** Export transactions still open in Neo4j, known by their statements' text. */
async function openExports(): Promise<number> {
  const { records } = await db.read(
    `SHOW TRANSACTIONS YIELD currentQuery
     WHERE currentQuery IN $statements
     RETURN count(*) AS open`,
    { statements: exportStatements },
  );
  return records[0]!.get('open').toNumber();
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  await db.write('MATCH (n:ExportBulk) DETACH DELETE n');
  await db.write(
    `UNWIND range(0, $count - 1) AS i
     CREATE (:ExportBulk {id: 'export-bulk-' + i, name: 'Bulk node ' + i, rank: i, score: i / 7.0})`,
    { count: bulkNodes },
  );
  for (let from = 0; from < bulkRelationships; from += batch) {
    await db.write(
      `MATCH (n:ExportBulk) WITH collect(n) AS nodes
       UNWIND range($from, $to - 1) AS i
       WITH nodes[i % size(nodes)] AS a, nodes[(i * 7919 + 13) % size(nodes)] AS b, i
       CREATE (a)-[:EXPORT_BULK {since: date('2020-01-01') + duration({days: i % 1000}), weight: i % 97,
                                 note: 'relationship number ' + i + ' of the bulk export graph'}]->(b)`,
      { from, to: from + batch },
    );
  }
  entente = await startEntente();
}, 240_000);

afterAll(async () => {
  await entente?.stop();
  for (let left = 1; left > 0;) {
    const { records } = await db.write(
      `MATCH (n:ExportBulk) WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted`,
    );
    left = records[0]!.get('deleted').toNumber();
  }
  await db.close();
}, 240_000);

describe('A large export', () => {
  it(`When ${bulkRelationships.toLocaleString('en')} relationships stream as NDJSON, then the server's memory stays bounded`, async () => {
    const url = new URL('/api/export?format=ndjson', entente.url);
    // Warm the route up, then measure from there.
    await fetch(new URL('/api/export?format=ndjson&ids=export-bulk-0', entente.url)).then((response) =>
      response.text(),
    );
    const before = treeRssBytes(entente.pid);
    let peak = before;
    let lines = 0;
    let edges = 0;
    const sampling = setInterval(() => (peak = Math.max(peak, treeRssBytes(entente.pid))), 100);
    await new Promise<void>((resolve, reject) => {
      http
        .get(url, (response) => {
          expect(response.statusCode).toBe(200);
          let partial = '';
          response.setEncoding('utf8');
          response.on('data', (text: string) => {
            const pieces = (partial + text).split('\n');
            partial = pieces.pop()!;
            lines += pieces.length;
            for (const piece of pieces) if (piece.startsWith('{"edge"')) edges += 1;
          });
          response.on('end', () => (partial ? reject(new Error('The last line was cut')) : resolve()));
          response.on('error', reject);
        })
        .on('error', reject);
    }).finally(() => clearInterval(sampling));
    const growthMb = (peak - before) / 1024 / 1024;
    console.log(
      `RSS before ${(before / 1024 / 1024).toFixed(0)} MB, growth ${growthMb.toFixed(0)} MB over ${lines} lines`,
    );
    expect(edges).toBeGreaterThanOrEqual(bulkRelationships);
    expect(growthMb).toBeLessThan(200);
  }, 120_000);

  it('When the client disconnects mid-stream, then the Neo4j query stops', async () => {
    expect(await openExports()).toBe(0);
    const request = http.get(new URL('/api/export?format=graphml', entente.url));
    const response = await new Promise<http.IncomingMessage>((resolve) => request.once('response', resolve));
    expect(response.statusCode).toBe(200);
    // Read one piece, then stop reading: the export waits on the client, its transaction open in Neo4j.
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    await until(async () => (await openExports()) > 0, 'the export to be open in Neo4j');
    request.destroy();
    await until(async () => (await openExports()) === 0, 'the export transaction to end after the disconnect');
  }, 60_000);
});
