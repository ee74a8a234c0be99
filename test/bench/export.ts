// `npm run bench:export [-- --relationships 1000000] [--runs 3]`: the NDJSON export of a synthetic graph over
// HTTP beside a plain driver read of the same records written to /dev/null (issue #27's goal: the export at
// least 0.5× the driver's rate). Starts its own embedded Neo4j and PostgreSQL in a temporary folder on free
// ports, builds the graph, and prints each run's rows/s of both, their ratio and the process's RSS growth
// (server and client share it), then the median ratio.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { Database } from '../../server/neo4j/database.js';
import { provisionNeo4j } from '../../server/neo4j/provision.js';
import { migrate } from '../../server/store/migrate.js';
import { provisionStore } from '../../server/store/provision.js';
import { Store } from '../../server/store/store.js';
import { freePort } from '../support/ports.js';
import { exportRates } from './benchmark.js';
import { generateBenchGraph } from './graph.js';

const { values } = parseArgs({
  options: { relationships: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } },
});
const relationships = Number(values.relationships);
const runs = Number(values.runs);
const nodes = Math.max(1_000, Math.round(relationships / 5));

const folder = await mkdtemp(path.join(tmpdir(), 'entente-bench-export-'));
const config = loadConfig({ CYPHER_RATE_LIMIT_PER_MINUTE: '100000' });
const neo4j = await provisionNeo4j(config, {
  embedded: { home: path.join(folder, 'neo4j'), boltPort: 0 },
});
const db = new Database(neo4j.connection);
const provisionedStore = await provisionStore({
  url: undefined,
  embedded: { home: path.join(folder, 'pg'), port: await freePort() },
});
const store = new Store(provisionedStore.url);
const server = createServer(
  createApp({ db, store, logger: createLogger('silent'), api: config.api, auth: config.auth }),
);
try {
  await migrate(store);
  await generateBenchGraph(db, {
    nodes,
    relationships,
    supernodes: 1,
    supernodeDegree: Math.min(100_000, Math.round(relationships / 10)),
    seed: 42,
  });
  const base = await new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
  const ratios: number[] = [];
  for (let run = 1; run <= runs; run++) {
    // The server runs in this process: its RSS at the start of the run, and the highest while it exports.
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const watch = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const { api, driver, rows } = await exportRates(db, base).finally(() => clearInterval(watch));
    ratios.push(api / driver);
    console.log(
      `run ${run}: ${rows.toLocaleString('en')} rows | NDJSON export ${api.toFixed(0)} rows/s | ` +
        `plain driver read to /dev/null ${driver.toFixed(0)} rows/s | export ÷ driver ${(api / driver).toFixed(2)}× | ` +
        `RSS ${Math.round((peakRss - startRss) / 2 ** 20)} MB above the run's start (goal: under 300 MB)`,
    );
  }
  const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
  console.log(`median export ÷ driver over ${runs} runs: ${median.toFixed(2)}× (goal: at least 0.5×)`);
} finally {
  server.close();
  await db.close();
  await store.close();
  await provisionedStore.stop();
  await neo4j.stop();
  await rm(folder, { recursive: true, force: true });
}
