// `npm run bench:imports [-- --rows 1000000] [--large-gb 2]`: Entente's import engine against Neo4j's own
// `LOAD CSV … CALL { } IN TRANSACTIONS` on the same files and database, side by side in one run: a nodes
// file and a relationship file of `rows` rows. Prints rows/s of each and their ratio, the server's RSS
// growth while importing, and how long a dry run of 100,000 rows takes. With `--large-gb N`, also streams a
// nodes file of N GB (wide rows: a long `notes` column the mapping leaves out) through the import, made on
// the fly in a temporary folder and deleted after, and prints its RSS growth (the target: under 500 MB).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../server/config.js';
import { runImport } from '../../server/imports/engine.js';
import { mappingSchema } from '../../server/imports/mapping.js';
import { Database } from '../../server/neo4j/database.js';
import { provisionNeo4j } from '../../server/neo4j/provision.js';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, 'large-gb': { type: 'string', default: '0' } },
});
const rows = Number(values.rows);
const largeBytes = Number(values['large-gb']) * 2 ** 30;
const nodeCount = Math.max(1_000, Math.round(rows / 10));

async function write(file: string, header: string, line: (i: number) => string, count: number) {
  const out = createWriteStream(file);
  out.write(`${header}\n`);
  for (let i = 0; i < count; i++) if (!out.write(`${line(i)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

const folder = await mkdtemp(path.join(tmpdir(), 'entente-bench-imports-'));
/** A nodes file of `nodes` people and a relationship file of `edges` distinct pairs between them. */
async function writePair(prefix: string, nodes: number, edges: number) {
  const files = { nodes: path.join(folder, `${prefix}nodes.csv`), edges: path.join(folder, `${prefix}edges.csv`) };
  await write(files.nodes, 'id,name,born', (i) => `b${i},Person ${i},${1900 + (i % 100)}`, nodes);
  await write(
    files.edges,
    'from,to,since',
    // Every row a distinct pair (the relationship's id is made of its ends and type).
    (i) => `b${i % nodes},b${(i + 1 + Math.floor(i / nodes)) % nodes},${2000 + (i % 20)}`,
    edges,
  );
  return files;
}

const measured = await writePair('', nodeCount, rows);
// Both ways are run once on a small pair first, then cleared: neither is measured on a colder JVM than the other.
const warmUp = await writePair('warm-', 1_000, 10_000);
const config = loadConfig();
const neo4j = await provisionNeo4j(config);
const db = new Database(neo4j.connection);
const nothing = { progress: () => Promise.resolve(false), recordChanges: () => Promise.resolve() };

async function clear(label: string) {
  while (
    Number(
      (await db.write(`MATCH (n:${label}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c`)).records[0]!.get(
        'c',
      ),
    ) > 0
  );
}

async function entente(dryRun = false, files = measured) {
  const started = performance.now();
  let peak = process.memoryUsage().rss;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const base = {
    importId: 'bench',
    fileName: 'bench.csv',
    format: 'csv' as const,
    encoding: 'utf-8' as const,
    dryRun,
    rejectedRows: 'skip' as const,
  };
  if (!dryRun) {
    await runImport(
      db,
      {
        ...base,
        path: files.nodes,
        mapping: mappingSchema.parse({
          nodes: { labels: ['BenchImport'], id: 'id', caption: 'name' },
          properties: { born: 'integer' },
        }),
      },
      nothing,
    );
  }
  const edgesStarted = performance.now();
  await runImport(
    db,
    {
      ...base,
      path: files.edges,
      mapping: mappingSchema.parse({
        relationships: {
          type: 'BENCH_KNOWS',
          from: { column: 'from', label: 'BenchImport' },
          to: { column: 'to', label: 'BenchImport' },
        },
        properties: { since: 'integer' },
      }),
    },
    nothing,
  );
  clearInterval(watch);
  return {
    seconds: (performance.now() - started) / 1000,
    edgeSeconds: (performance.now() - edgesStarted) / 1000,
    rssMb: peak / 2 ** 20,
  };
}

async function loadCsv(files = measured) {
  const server = createServer((req, res) =>
    createReadStream(path.join(folder, path.basename(req.url ?? ''))).pipe(res),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const session = db.driver.session({ database: db.settings.database });
  try {
    await session.run('CREATE INDEX IF NOT EXISTS FOR (n:BenchLoad) ON (n.id)');
    await session.run('CALL db.awaitIndexes(300)');
    const started = performance.now();
    await session.run(
      `LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { MERGE (n:BenchLoad {id: row.id}) SET n.name = row.name, n.born = toInteger(row.born) } IN TRANSACTIONS OF 1000 ROWS`,
      { url: `${base}/${path.basename(files.nodes)}` },
    );
    const edgesStarted = performance.now();
    await session.run(
      `LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { MATCH (a:BenchLoad {id: row.from}) MATCH (b:BenchLoad {id: row.to})
       MERGE (a)-[r:BENCH_KNOWS {id: row.from + '_bench_knows_' + row.to}]->(b) SET r.since = toInteger(row.since) } IN TRANSACTIONS OF 1000 ROWS`,
      { url: `${base}/${path.basename(files.edges)}` },
    );
    return { seconds: (performance.now() - started) / 1000, edgeSeconds: (performance.now() - edgesStarted) / 1000 };
  } finally {
    await session.close();
    server.close();
  }
}

/**
 * A nodes file of about `bytes` bytes streamed through the import: rows of about 2 KB, of which the mapping
 * keeps the id, name and year. Written just before and deleted just after, so only one such file is on disk.
 */
async function largeImport(bytes: number) {
  const file = path.join(folder, 'large.csv');
  const notes = (i: number) => `"${`Note ${i}, quoted; `.repeat(100)}"`;
  const rowBytes = `w100000,Wide 100000,1950,${notes(100_000)}\n`.length;
  const count = Math.ceil(bytes / rowBytes);
  await write(file, 'id,name,born,notes', (i) => `w${i},Wide ${i},${1900 + (i % 100)},${notes(i)}`, count);
  const size = (await stat(file)).size;
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  // The peak so far at each quarter of the rows: flat after the first quarter is memory that does not grow
  // with the file.
  const quarters: number[] = [];
  const live: number[] = [];
  const hooks = {
    ...nothing,
    progress: ({ rowsDone }: { rowsDone: number }) => {
      while (quarters.length < 4 && rowsDone >= (count * (quarters.length + 1)) / 4) {
        quarters.push(peak);
        // With --expose-gc: what the heap holds after a full collection (live data, not what V8 keeps).
        global.gc?.();
        live.push(process.memoryUsage().heapUsed);
      }
      return Promise.resolve(false);
    },
  };
  try {
    await runImport(
      db,
      {
        importId: 'bench-large',
        fileName: 'large.csv',
        format: 'csv',
        encoding: 'utf-8',
        dryRun: false,
        rejectedRows: 'skip',
        path: file,
        mapping: mappingSchema.parse({
          nodes: { labels: ['BenchLarge'], id: 'id', caption: 'name' },
          properties: { born: 'integer' },
        }),
      },
      hooks,
    );
  } finally {
    clearInterval(watch);
    await rm(file, { force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = (bytes: number) => Math.round((bytes - start) / 2 ** 20);
  return {
    size,
    count,
    seconds,
    startMb: start / 2 ** 20,
    growthMb: mb(peak),
    quarters: quarters.map(mb),
    liveMb: live.map((bytes) => Math.round(bytes / 2 ** 20)),
  };
}

try {
  if (largeBytes > 0) {
    const large = await largeImport(largeBytes);
    console.log(`| streaming a ${(large.size / 2 ** 30).toFixed(2)} GB nodes file (${large.count} rows) | |`);
    console.log('| --- | --- |');
    console.log(`| import time (s) | ${large.seconds.toFixed(0)} |`);
    console.log(`| rows/s | ${Math.round(large.count / large.seconds)} |`);
    console.log(`| RSS at its start (MB) | ${Math.round(large.startMb)} |`);
    console.log(`| RSS growth while importing (MB; the target is < 500) | ${large.growthMb} |`);
    console.log(`| RSS growth by each quarter of the rows (MB) | ${large.quarters.join(', ')} |`);
    if (large.liveMb.length) {
      console.log(`| heap in use after a full GC at each quarter (MB; --expose-gc) | ${large.liveMb.join(', ')} |`);
    }
    console.log('');
    await clear('BenchLarge');
  }
  const before = process.memoryUsage().rss / 2 ** 20;
  await entente(false, warmUp);
  await loadCsv(warmUp);
  await clear('BenchImport');
  await clear('BenchLoad');
  const ours = await entente();
  const theirs = await loadCsv();
  const oursRate = Math.round(rows / ours.edgeSeconds);
  const theirsRate = Math.round(rows / theirs.edgeSeconds);
  // A dry run of 100,000 rows (or all of them when fewer).
  const dryRows = Math.min(rows, 100_000);
  const dryFile = path.join(folder, 'dry.csv');
  await write(
    dryFile,
    'from,to,since',
    (i) => `b${i % nodeCount},b${(i + 2 + Math.floor(i / nodeCount)) % nodeCount},2001`,
    dryRows,
  );
  const dry = await entente(true, { nodes: measured.nodes, edges: dryFile });
  console.log(
    `| import of ${rows} relationship rows (${nodeCount} nodes, ${((await stat(measured.edges)).size / 2 ** 20).toFixed(0)} MB) | rows/s |`,
  );
  console.log('| --- | --- |');
  console.log(`| Entente's engine (batched UNWIND, rollback bookkeeping) | ${oursRate} |`);
  console.log(`| Neo4j LOAD CSV … CALL { } IN TRANSACTIONS OF 1000 ROWS | ${theirsRate} |`);
  console.log(`| ratio (Entente / LOAD CSV; the target is ≥ 0.5) | ${(oursRate / theirsRate).toFixed(2)} |`);
  console.log(`| RSS growth while importing (MB; the target is < 500) | ${Math.round(ours.rssMb - before)} |`);
  console.log(`| dry run of ${dryRows} rows (s; the target is < 10 for 100,000) | ${dry.edgeSeconds.toFixed(1)} |`);
} finally {
  await clear('BenchImport');
  await clear('BenchLoad');
  await clear('BenchLarge');
  await db.close();
  await neo4j.stop();
  await rm(folder, { recursive: true, force: true });
}
