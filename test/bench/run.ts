// `npm run bench [-- --quick]`: runs the server benchmark against the configured Neo4j and prints its
// table; a full run also writes it to test/bench/results/<date>.md.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, projectRoot } from '../../server/config.js';
import { Database } from '../../server/neo4j/database.js';
import { provisionNeo4j } from '../../server/neo4j/provision.js';
import { migrate } from '../../server/store/migrate.js';
import { provisionStore } from '../../server/store/provision.js';
import { Store } from '../../server/store/store.js';
import { runBenchmark } from './benchmark.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const config = loadConfig();
const neo4j = await provisionNeo4j(config);
const db = new Database(neo4j.connection);
const provisionedStore = await provisionStore(config.store);
const store = new Store(provisionedStore.url);
try {
  await migrate(store);
  const table = await runBenchmark(db, store, { quick: values.quick });
  console.log(table);
  if (!values.quick) {
    const dir = path.join(projectRoot, 'test/bench/results');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}.md`);
    await writeFile(file, table);
    console.error(`Written to ${path.relative(projectRoot, file)}`);
  }
} finally {
  await db.close();
  await store.close();
  await provisionedStore.stop();
  await neo4j.stop();
}
