import neo4j, { Neo4jError, type Node as Neo4jNode } from 'neo4j-driver';
import { performance } from 'node:perf_hooks';
import type { NodeIdentity } from '../graph/identity.js';
import { GraphBuilder, toJson } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import type { Database, Parameters } from '../neo4j/database.js';
import { loadCypher } from '../neo4j/cypher.js';
import { assertReadOnly } from './read-only.js';

const cypher = loadCypher('graph/nodes-by-element-id');

export interface RunLimits {
  maxRows: number;
  timeoutMs: number;
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  graph: ReturnType<GraphBuilder['build']>;
  meta: { truncated: boolean; elapsedMs: number };
}

const explainPrefixLength = 'EXPLAIN '.length;

/** Where Neo4j says a syntax error is, shifted back from the EXPLAIN prefix to the user's text. */
function syntaxError(error: Neo4jError): ProblemError {
  const match = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/.exec(error.message);
  const problem = ProblemError.badRequest(error.message.split('\n')[0] ?? error.message);
  if (!match) return problem;
  const [line, column, offset] = match.slice(1).map(Number) as [number, number, number];
  return problem.with({
    position: {
      line: Math.max(1, line),
      column: line === 1 ? Math.max(1, column - explainPrefixLength) : column,
      offset: Math.max(0, offset - explainPrefixLength),
    },
  });
}

/** JSON numbers that are whole become Cypher integers, so `LIMIT $n` works with `{"n": 10}`. */
function toCypherParameters(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypherParameters);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toCypherParameters(entry)]));
  }
  return value;
}

/** Checks a statement is read-only (see read-only.ts), without running it. */
export async function checkReadOnly(db: Database, query: string, parameters: Parameters = {}): Promise<void> {
  let summary;
  try {
    summary = await db.explain(query, toCypherParameters(parameters) as Parameters);
  } catch (error) {
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Statement.SyntaxError') throw syntaxError(error);
    throw error;
  }
  assertReadOnly(summary);
}

/** Completes the graph with the end nodes of relationships the query returned on their own. */
async function addMissingEndpoints(db: Database, graph: GraphBuilder) {
  const elementIds = graph.missingEndpoints();
  if (!elementIds.length) return;
  const { records } = await db.read<{ n: Neo4jNode }>(cypher['graph/nodes-by-element-id'], { elementIds });
  records.forEach((record) => graph.addNode(record.get('n')));
}

/**
 * Runs a user's statement: planned first and refused unless read-only, then run in a READ transaction
 * with a timeout and a row cap. Nodes, relationships and paths anywhere in the rows also form the graph.
 */
export async function runReadOnly(
  db: Database,
  identity: NodeIdentity,
  query: string,
  parameters: Parameters,
  limits: RunLimits,
): Promise<QueryResult> {
  const started = performance.now();
  await checkReadOnly(db, query, parameters);
  const { keys, records, truncated } = await db.readBounded(
    query,
    toCypherParameters(parameters) as Parameters,
    limits,
  );
  const graph = new GraphBuilder(identity);
  records.forEach((record) => keys.forEach((key) => graph.addAny(record.get(key))));
  await addMissingEndpoints(db, graph);
  const rows = records.map((record) => keys.map((key) => toJson(record.get(key), graph)));
  return {
    columns: keys,
    rows,
    graph: graph.build(),
    meta: { truncated, elapsedMs: Math.round(performance.now() - started) },
  };
}
