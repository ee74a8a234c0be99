import { seededRandom } from '../../shared/seededRandom.js';
import neo4j from 'neo4j-driver';
import { compose, loadCypher, splitStatements } from '../../server/neo4j/cypher.js';
import { name } from '../../server/neo4j/names.js';
import type { Database } from '../../server/neo4j/database.js';
import { degreeOrderIndex, writeDegreeOrder } from '../../server/nodes/degree-order.js';

const cypher = loadCypher(
  'bench/schema',
  'bench/create-nodes',
  'bench/create-relationships',
  'bench/delete-relationships',
  'bench/delete-nodes',
  'bench/drop-schema',
);

export interface BenchGraphSize {
  nodes: number;
  relationships: number;
  supernodes: number;
  supernodeDegree: number;
  seed: number;
}

export const defaultSize: BenchGraphSize = {
  nodes: 200_000,
  relationships: 1_000_000,
  supernodes: 3,
  supernodeDegree: 100_000,
  seed: 42,
};

export const quickSize: BenchGraphSize = {
  nodes: 3_000,
  relationships: 10_000,
  supernodes: 1,
  supernodeDegree: 1_000,
  seed: 42,
};

const kinds = ['BenchCompany', 'BenchPerson', 'BenchDeal'];
const types = ['BENCH_FUNDS', 'BENCH_OWNS', 'BENCH_PARTNERS', 'BENCH_KNOWS'];
const batchSize = 10_000;

function progress(label: string, done: number, total: number) {
  const share = done / total;
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
  const line = `${label} [${bar}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || Math.round(share * 10) !== Math.round(((done - batchSize) / total) * 10))
    console.error(line);
}

/**
 * Builds the synthetic graph: power-law degrees (endpoints drawn towards low ids), a few supernodes
 * linked to `supernodeDegree` random nodes each, dated relationships (a quarter of them ended), and the
 * stored degree order that supernodes' neighbour pages walk.
 */
export async function generateBenchGraph(db: Database, size: BenchGraphSize): Promise<void> {
  const next = seededRandom(size.seed);
  for (const statement of splitStatements(cypher['bench/schema'])) await db.write(statement);

  for (let start = 0; start < size.nodes; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(size.nodes, start + batchSize); i++) {
      rows.push({ id: `b-${i}`, name: `Bench node ${i}`, kind: kinds[i % kinds.length] });
    }
    await db.write(cypher['bench/create-nodes'], { rows });
    progress('nodes        ', Math.min(size.nodes, start + batchSize), size.nodes);
  }

  const supernodeTotal = Math.min(size.relationships, size.supernodes * size.supernodeDegree);
  const skewed = (exponent: number) => Math.floor(size.nodes * next() ** exponent);
  const relationship = (index: number) => {
    const fromSupernode = index < supernodeTotal;
    const from = fromSupernode ? Math.floor(index / size.supernodeDegree) : skewed(2.5);
    let to = fromSupernode ? Math.floor(next() * size.nodes) : skewed(1.5);
    if (to === from) to = (to + 1) % size.nodes;
    const year = 2000 + Math.floor(next() * 26);
    const month = 1 + Math.floor(next() * 12);
    const since = `${year}-${String(month).padStart(2, '0')}`;
    const until = next() < 0.25 ? `${year + 1 + Math.floor(next() * 5)}-${String(month).padStart(2, '0')}` : null;
    return {
      from: `b-${from}`,
      to: `b-${to}`,
      type: types[Math.floor(next() * types.length)],
      since,
      until,
      amountUsd: next() < 0.3 ? Math.round(next() * 1e10) : null,
    };
  };
  for (let start = 0; start < size.relationships; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(size.relationships, start + batchSize); i++) rows.push(relationship(i));
    await db.write(cypher['bench/create-relationships'], { rows });
    progress('relationships', Math.min(size.relationships, start + batchSize), size.relationships);
  }
  await writeDegreeOrder(db, 'BenchNode');
}

/** Removes the benchmark graph (and its index), in batches small enough for the memory cap. */
export async function removeBenchGraph(db: Database): Promise<void> {
  for (const query of [cypher['bench/delete-relationships'], cypher['bench/delete-nodes']]) {
    for (;;) {
      const { records } = await db.write(query, { batch: neo4j.int(20_000) });
      if (Number(records[0]?.get('deleted') ?? 0) === 0) break;
    }
  }
  for (const statement of splitStatements(
    compose(cypher['bench/drop-schema'], { degreeOrderIndex: name(degreeOrderIndex) }),
  ))
    await db.write(statement);
}
