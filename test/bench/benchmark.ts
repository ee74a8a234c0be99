// The server benchmark: API latency against the same queries run directly, throughput against a bare
// node:http route, and server memory, as one Markdown table. `run.ts` is its command line.
import autocannon from 'autocannon';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { createApp } from '../../server/app.js';
import type { Store } from '../../server/store/store.js';
import { loadConfig } from '../../server/config.js';
import { Catalog } from '../../server/graph/catalog.js';
import { createLogger } from '../../server/logger.js';
import { loadCypher } from '../../server/neo4j/cypher.js';
import { Database } from '../../server/neo4j/database.js';
import { readDegrees, readNeighbours, resolveNodes } from '../../server/nodes/nodes.queries.js';
import { searchTerms, toLuceneQuery } from '../../server/search/lucene.js';
import { findRankedPaths } from '../../server/paths/paths.queries.js';
import { seedDatabase } from '../../server/seed/prepare.js';
import { timeAlternately, type Timing } from '../support/timing.js';
import { runBrowserBenchmark } from './browser.js';
import { generateBenchGraph, quickSize, removeBenchGraph } from './graph.js';
import { runInvestigationBenchmark } from './investigations.js';

const cypher = loadCypher(
  'search/fulltext',
  'subgraph/valid-nodes',
  'subgraph/relationships-among',
  'bench/sample',
  'bench/simplest/search',
  'bench/simplest/relationships-menu',
  'bench/simplest/neighbours',
  'bench/simplest/neighbours-any-label',
  'bench/simplest/paths',
  'bench/simplest/subgraph',
);

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

async function get(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function throughput(url: string, loadSeconds: number): Promise<number> {
  const result = await autocannon({ url, connections: 32, duration: loadSeconds });
  if (result.non2xx || result.errors)
    throw new Error(`load on ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const megabytes = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** Rows per second of the whole graph exported as NDJSON over HTTP, and of a plain driver read of it. */
export async function exportRates(db: Database, base: string): Promise<{ api: number; driver: number; rows: number }> {
  const devNull = createWriteStream('/dev/null');
  const discard = async (text: string | Uint8Array) => {
    if (!devNull.write(text)) await once(devNull, 'drain');
  };
  try {
    // The plain read: the same nodes and relationships, each written as JSON, with no API around it.
    let started = performance.now();
    let driverRows = 0;
    const session = db.driver.session({ database: db.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      for (const statement of ['MATCH (n) RETURN n AS item', 'MATCH ()-[r]->() RETURN r AS item']) {
        for await (const record of session.run(statement)) {
          driverRows += 1;
          await discard(`${JSON.stringify(record.get('item'))}\n`);
        }
      }
    } finally {
      await session.close();
    }
    const driver = driverRows / ((performance.now() - started) / 1000);

    started = performance.now();
    const response = await fetch(`${base}/api/export?format=ndjson`);
    if (!response.ok || !response.body) throw new Error(`export: ${response.status}`);
    let apiRows = 0;
    for await (const chunk of response.body) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) apiRows += 1;
      await discard(chunk);
    }
    const api = apiRows / ((performance.now() - started) / 1000);
    if (apiRows < driverRows) throw new Error(`export: ${apiRows} lines for ${driverRows} records`);
    return { api, driver, rows: driverRows };
  } finally {
    devNull.end();
  }
}

/**
 * Runs the benchmark against `db` (which must hold the benchmark graph, unless `quick` builds a small one
 * and removes it after) and returns the table. Seeds the default dataset for the search figure.
 */
export async function runBenchmark(db: Database, store: Store, { quick }: { quick: boolean }): Promise<string> {
  const runs = quick ? 7 : 31;
  const loadSeconds = quick ? 3 : 20;
  const config = loadConfig({ CYPHER_RATE_LIMIT_PER_MINUTE: '100000' });
  const app = createServer(
    createApp({ db, store, logger: createLogger('silent'), api: config.api, auth: config.auth }),
  );
  const bare = createServer();
  try {
    await seedDatabase(db);
    if (quick) {
      await removeBenchGraph(db);
      await generateBenchGraph(db, quickSize);
    }
    const sample = (await db.read(cypher['bench/sample'])).records[0];
    if (!sample?.get('far')) throw new Error('No benchmark graph here: run `npm run bench:data` first.');
    const ids = {
      ordinary: sample.get('ordinary') as string,
      hub: sample.get('hub') as string,
      far: sample.get('far') as string,
    };
    const base = await listen(app);
    const catalog = new Catalog(db);
    const subgraphIds = Array.from(
      { length: 500 },
      (_, index) => `b-${(index * 7) % (quick ? quickSize.nodes : 200_000)}`,
    );
    const page = { types: [], labels: [], direction: 'both' as const, limit: 50, skip: 0, asOf: null, dating: {} };

    const identity = await catalog.identity();
    const keyOf = (found: Parameters<typeof identity.keyOf>[0]) => identity.keyOf(found);

    // Each scenario: the API over HTTP; the route's own queries called directly in this process (the floor
    // for its work); and the simplest equivalent read a user would type (cypher/bench/simplest/).
    const scenarios: {
      name: string;
      api: () => Promise<unknown>;
      direct: () => Promise<unknown>;
      simplest: () => Promise<unknown>;
    }[] = [
      {
        name: 'search "micro"',
        api: () => get(`${base}/api/search?q=micro`),
        direct: () =>
          db.read(cypher['search/fulltext'], {
            index: 'entity_search',
            lucene: toLuceneQuery('micro'),
            phrase: searchTerms('micro').join(' '),
            labels: [],
            limit: neo4j.int(10),
            fetch: neo4j.int(10),
          }),
        simplest: () => db.read(cypher['bench/simplest/search'], { lucene: toLuceneQuery('micro') }),
      },
      {
        name: 'neighbours page (default dataset: microsoft)',
        api: () => get(`${base}/api/nodes/microsoft/neighbours`),
        direct: () => readNeighbours(db, catalog, 'microsoft', page),
        simplest: () => db.read(cypher['bench/simplest/neighbours-any-label'], { id: 'microsoft' }),
      },
      {
        name: 'relationships menu (supernode)',
        api: () => get(`${base}/api/nodes/${ids.hub}/relationships`),
        direct: () => readDegrees(db, catalog, ids.hub),
        simplest: () => db.read(cypher['bench/simplest/relationships-menu'], { id: ids.hub }),
      },
      {
        name: 'neighbours page (ordinary node)',
        api: () => get(`${base}/api/nodes/${ids.ordinary}/neighbours`),
        direct: () => readNeighbours(db, catalog, ids.ordinary, page),
        simplest: () => db.read(cypher['bench/simplest/neighbours'], { id: ids.ordinary }),
      },
      {
        name: 'neighbours page (supernode)',
        api: () => get(`${base}/api/nodes/${ids.hub}/neighbours`),
        direct: () => readNeighbours(db, catalog, ids.hub, page),
        simplest: () => db.read(cypher['bench/simplest/neighbours'], { id: ids.hub }),
      },
      {
        name: 'paths (ends of a 3-step walk)',
        api: () => get(`${base}/api/paths?from=${ids.ordinary}&to=${ids.far}`),
        direct: () =>
          findRankedPaths(
            db,
            catalog,
            {
              from: ids.ordinary,
              to: ids.far,
              maxHops: 4,
              limit: 10,
              rankBy: 'hops',
              excluded: [],
              asOf: null,
              dating: {},
            },
            keyOf,
          ),
        simplest: () => db.read(cypher['bench/simplest/paths'], { from: ids.ordinary, to: ids.far }),
      },
      {
        name: 'subgraph of 500 ids',
        api: () =>
          get(`${base}/api/subgraph`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ids: subgraphIds }),
          }),
        direct: async () => {
          const found = await resolveNodes(db, catalog, subgraphIds);
          const elementIds = [...found.values()].map((n) => n.elementId);
          await db.read(cypher['subgraph/valid-nodes'], { elementIds, asOf: null, dating: {} });
          return db.read(cypher['subgraph/relationships-among'], {
            elementIds,
            asOf: null,
            dating: {},
            limit: neo4j.int(20_001),
          });
        },
        simplest: () => db.read(cypher['bench/simplest/subgraph'], { ids: subgraphIds }),
      },
    ];

    const rows: string[] = [];
    const latency: Record<string, { api: Timing; direct: Timing; simplest?: Timing }> = {};
    for (const scenario of scenarios) {
      try {
        // The simplest read can be what never answers (a one-ended search towards a supernode): that is the
        // row's finding, and the API is still measured against the route's own queries.
        const simplestFailure = await scenario.simplest().then(
          () => undefined,
          (error: Error) => `failed: ${error.message.split('\n')[0]!.slice(0, 60)}`,
        );
        const calls = simplestFailure
          ? [scenario.api, scenario.direct]
          : [scenario.api, scenario.direct, scenario.simplest];
        const [api, direct, simplest] = await timeAlternately(calls, runs);
        latency[scenario.name] = { api: api!, direct: direct!, simplest };
        rows.push(
          `| ${scenario.name} | ${api!.p50.toFixed(1)} | ${api!.p95.toFixed(1)} | ${direct!.p95.toFixed(1)} | ` +
            `${simplest ? simplest.p95.toFixed(1) : simplestFailure} | ${(api!.p95 / direct!.p95).toFixed(2)}× | ` +
            `${simplest ? `${(api!.p95 / simplest.p95).toFixed(2)}×` : '—'} |`,
        );
      } catch (error) {
        // A request that fails (a timeout, typically) is a finding for the table, not a reason to stop.
        rows.push(`| ${scenario.name} | failed: ${(error as Error).message.split('\n')[0]!.slice(0, 80)} | | | | | |`);
      }
    }

    const neighboursBody = JSON.stringify(await get(`${base}/api/nodes/${ids.ordinary}/neighbours`));
    bare.on('request', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(neighboursBody));
    const bareBase = await listen(bare);
    const restMb = megabytes();
    const bareRate = await throughput(`${bareBase}/`, loadSeconds);
    const apiRate = await throughput(`${base}/api/nodes/${ids.ordinary}/neighbours`, loadSeconds);
    const loadedMb = megabytes();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const settledMb = megabytes();

    // The two reads alternate, three times (once in a quick run), and the run of the median ratio is reported:
    // one run on a shared machine swings by a third either way.
    const exportRuns = [];
    for (let run = 0; run < (quick ? 1 : 3); run++) exportRuns.push(await exportRates(db, base));
    exportRuns.sort((a, b) => a.api / a.driver - b.api / b.driver);
    const exported = exportRuns[Math.floor(exportRuns.length / 2)]!;
    const exportRatio = exported.api / exported.driver;
    // A conditional GET of a 500-neighbour page: the 304 against the full answer.
    const bigPage = `${base}/api/nodes/${ids.hub}/neighbours?limit=500`;
    const etag = (await fetch(bigPage)).headers.get('etag') ?? '';
    const [fullAnswer, notModified] = await timeAlternately(
      [
        () => fetch(bigPage).then((response) => response.arrayBuffer()),
        () =>
          fetch(bigPage, { headers: { 'If-None-Match': etag } }).then((response) => {
            if (response.status !== 304) throw new Error(`If-None-Match: ${response.status}, not 304`);
            return response.arrayBuffer();
          }),
      ],
      runs,
    );
    const conditionalRatio = notModified!.p50 / fullAnswer!.p50;

    const browser = await runBrowserBenchmark(base, { quick });
    const investigations = await runInvestigationBenchmark(base, store, { nodes: quick ? 3000 : 5000, runs });

    // A scenario that failed is a row saying so; its ratios are NaN rather than a crash that loses the table.
    const supernodeRatio =
      (latency['neighbours page (supernode)']?.api.p50 ?? NaN) /
      (latency['neighbours page (ordinary node)']?.api.p50 ?? NaN);
    const worstRatio = Math.max(...Object.values(latency).map(({ api, direct }) => api.p95 / direct.p95));
    const defaultPage = latency['neighbours page (default dataset: microsoft)'];
    const simplestRatio = defaultPage?.simplest ? defaultPage.api.p95 / defaultPage.simplest.p95 : Infinity;
    const table = [
      `# Entente benchmark${quick ? ' (quick smoke run)' : ''}, ${new Date().toISOString().slice(0, 16)}Z`,
      '',
      `Graph: ${quick ? `${quickSize.nodes} nodes, ${quickSize.relationships} relationships` : '200,000 nodes, 1,000,000 relationships (npm run bench:data)'}; ` +
        `${runs} runs per figure, milliseconds; Neo4j at ${db.settings.uri}.`,
      '',
      "| request | API p50 | API p95 | route's Cypher p95 | simplest read p95 | API ÷ route's Cypher (p95) | API ÷ simplest read (p95) |",
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      '| throughput (32 connections, ' + `${loadSeconds} s) | requests/s |`,
      '| --- | ---: |',
      `| bare node:http, same body | ${bareRate.toFixed(0)} |`,
      `| API neighbours page | ${apiRate.toFixed(0)} (${((apiRate / bareRate) * 100).toFixed(0)} % of bare) |`,
      '',
      `Server RSS: ${restMb} MiB at rest, ${loadedMb} MiB after the load, ${settledMb} MiB 5 s later.`,
      '',
      '| export and caching | figure |',
      '| --- | ---: |',
      `| NDJSON export of the whole graph (${exported.rows.toLocaleString('en')} nodes and relationships), rows/s | ${exported.api.toFixed(0)} |`,
      `| plain driver read of the same records to /dev/null, rows/s | ${exported.driver.toFixed(0)} |`,
      `| export ÷ driver read (median of ${exportRuns.length} alternating runs; all: ${exportRuns.map((run) => (run.api / run.driver).toFixed(2)).join(', ')}) | ${exportRatio.toFixed(2)}× |`,
      `| 500-neighbour page, full answer p50 (ms) | ${fullAnswer!.p50.toFixed(1)} |`,
      `| same page, 304 to If-None-Match p50 (ms) | ${notModified!.p50.toFixed(1)} |`,
      `| 304 ÷ full answer | ${conditionalRatio.toFixed(2)}× |`,
      '',
      `The explorer in headless Chromium (milliseconds from the data's arrival; medians of ${quick ? 1 : 3} runs):`,
      '',
      ...browser.rows,
      '',
      `Investigations (milliseconds, ${runs} runs each):`,
      '',
      '| request | p50 | p95 |',
      '| --- | ---: | ---: |',
      ...investigations.rows,
      '',
      '| goal | figure | met |',
      '| --- | --- | --- |',
      `| API p95 within 1.2× of the route's own Cypher | worst ${worstRatio.toFixed(2)}× | ${worstRatio <= 1.2 ? 'yes' : 'no'} |`,
      `| default dataset's neighbours page: API p95 within 1.2× of the simplest read | ${simplestRatio.toFixed(2)}× | ${simplestRatio <= 1.2 ? 'yes' : 'no'} |`,
      `| supernode page within 2× of an ordinary page (p50) | ${supernodeRatio.toFixed(2)}× | ${supernodeRatio <= 2 ? 'yes' : 'no'} |`,
      `| memory back near its start after load | ${settledMb - restMb} MiB above | ${settledMb - restMb < 50 ? 'yes' : 'no'} |`,
      `| NDJSON export at least 0.5× the plain driver read's rate | ${exportRatio.toFixed(2)}× | ${exportRatio >= 0.5 ? 'yes' : 'no'} |`,
      `| a 304 under 0.3× the full answer (500-neighbour page) | ${conditionalRatio.toFixed(2)}× | ${conditionalRatio < 0.3 ? 'yes' : 'no'} |`,
      ...[...browser.goals, ...investigations.goals].map(
        (goal) => `| ${goal.name} | ${goal.figure} | ${goal.met ? 'yes' : 'no'} |`,
      ),
      '',
    ].join('\n');
    if (quick) await removeBenchGraph(db);
    return table;
  } finally {
    app.close();
    bare.close();
  }
}
