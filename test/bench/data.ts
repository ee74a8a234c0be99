// `npm run bench:data [-- --quick | --nodes N --relationships N --supernodes N --supernode-degree N --seed N]`
// builds the synthetic benchmark graph in the configured Neo4j; `npm run bench:data -- --remove` removes it.
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.js';
import { Database } from '../../server/neo4j/database.js';
import { provisionNeo4j } from '../../server/neo4j/provision.js';
import { defaultSize, generateBenchGraph, quickSize, removeBenchGraph } from './graph.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    remove: { type: 'boolean', default: false },
    nodes: { type: 'string' },
    relationships: { type: 'string' },
    supernodes: { type: 'string' },
    'supernode-degree': { type: 'string' },
    seed: { type: 'string' },
  },
});
const base = values.quick ? quickSize : defaultSize;
const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
const size = {
  nodes: number(values.nodes, base.nodes),
  relationships: number(values.relationships, base.relationships),
  supernodes: number(values.supernodes, base.supernodes),
  supernodeDegree: number(values['supernode-degree'], base.supernodeDegree),
  seed: number(values.seed, base.seed),
};

const neo4j = await provisionNeo4j(loadConfig());
const db = new Database(neo4j.connection);
const started = performance.now();
try {
  console.error(`Removing any earlier benchmark graph from ${neo4j.connection.uri}…`);
  await removeBenchGraph(db);
  if (!values.remove) {
    console.error(`Building ${JSON.stringify(size)}`);
    await generateBenchGraph(db, size);
  }
  console.error(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await db.close();
  await neo4j.stop();
}
