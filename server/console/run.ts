import neo4j, { isNode, isPath, isRelationship, Neo4jError, type Node as Neo4jNode } from 'neo4j-driver';
import { performance } from 'node:perf_hooks';
import type { ApiResult } from '../graph/graph.schemas.js';
import type { NodeIdentity } from '../graph/identity.js';
import { GraphBuilder, toJson } from '../graph/mapping.js';
import { jsonBytes } from '../http/json.js';
import { ProblemError } from '../http/problem.js';
import type { Database, Parameters } from '../neo4j/database.js';
import { loadCypher } from '../neo4j/cypher.js';
import { assertNamedProceduresAllowed, assertReadOnly, assertReasonableShape } from './read-only.js';

const cypher = loadCypher('graph/nodes-by-element-id');

export interface RunLimits {
  maxRows: number;
  /** Rows of the result to pass over first (where a page of a saved query's result starts). */
  skip?: number;
  /** Values in the whole result (each list element, map entry and property counts one). */
  maxValues: number;
  /** UTF-8 bytes of the answer's JSON text, escapes included. */
  maxBytes: number;
  timeoutMs: number;
}

/** The byte cap of an answer unless the runner is given another: far beyond what a page can show. */
export const defaultMaxBytes = 32 * 1024 * 1024;

/** A statement's answer: the API's Result shape (graph/graph.schemas.ts). */
export type QueryResult = ApiResult;

const explainPrefixLength = 'EXPLAIN '.length;

const positionPattern = /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/**
 * Where Neo4j says a syntax error is, shifted back from the EXPLAIN prefix to the user's text, in the position
 * and in the message that names it.
 */
function syntaxError(error: Neo4jError): ProblemError {
  const message = error.message.split('\n')[0] ?? error.message;
  const match = positionPattern.exec(message);
  if (!match) return ProblemError.badRequest(message);
  const [line, column, offset] = match.slice(1).map(Number) as [number, number, number];
  const position = {
    line: Math.max(1, line),
    column: line === 1 ? Math.max(1, column - explainPrefixLength) : column,
    offset: Math.max(0, offset - explainPrefixLength),
  };
  const said = message.replace(
    positionPattern,
    `(line ${position.line}, column ${position.column} (offset: ${position.offset}))`,
  );
  return ProblemError.badRequest(said).with({ position });
}

/**
 * JSON numbers that are whole become Cypher integers, so `LIMIT $n` works with `{"n": 10}`. The request
 * schema bounds the nesting (http/route.ts), so the recursion is bounded too.
 */
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
  assertReasonableShape(query);
  assertNamedProceduresAllowed(query);
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

/** How many JSON values a driver value becomes, counted without recursion and stopping past `budget`. */
function countValues(value: unknown, budget: number): number {
  let count = 0;
  const pending = [value];
  // Children are pushed one by one: spreading a list of millions into push() overflows the call stack.
  const enqueue = (children: Iterable<unknown>) => {
    for (const child of children) pending.push(child);
  };
  while (pending.length && count <= budget) {
    const item = pending.pop();
    count += 1;
    if (isNode(item) || isRelationship(item)) enqueue(Object.values(item.properties));
    else if (isPath(item)) enqueue([item.start, ...item.segments.flatMap((s) => [s.relationship, s.end])]);
    else if (Array.isArray(item)) enqueue(item);
    else if (item && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      enqueue(Object.values(item));
    }
  }
  return count;
}

/**
 * Runs a user's statement: refused unless its nesting is sane and its plan read-only, then run in a READ
 * transaction with a timeout, a row cap and a cap on the values of the whole result. Nodes,
 * relationships and paths anywhere in the rows also form the graph. Runs in the console's worker
 * threads (console.pool.ts), so even a huge value costs no time on the server's event loop.
 */
export async function executeReadOnly(
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
  let values = 0;
  for (const record of records) {
    values += countValues(
      keys.map((key): unknown => record.get(key)),
      limits.maxValues - values,
    );
    if (values > limits.maxValues) throw resultTooLarge(limits.maxValues);
  }
  const graph = new GraphBuilder(identity);
  records.forEach((record) => keys.forEach((key) => graph.addAny(record.get(key))));
  await addMissingEndpoints(db, graph);
  // The answer's size is measured as it is built, in JSON bytes: a few values can be a long text
  // (4,000 strings of 64 KiB), and control characters grow sixfold when escaped.
  let bytes = jsonBytes(keys);
  const rows: unknown[][] = [];
  for (const record of records) {
    const row = keys.map((key) => toJson(record.get(key), graph));
    bytes += jsonBytes(row, limits.maxBytes - bytes) + 1;
    if (bytes > limits.maxBytes) throw resultTooManyBytes(limits.maxBytes);
    rows.push(row);
  }
  const built = graph.build();
  bytes += jsonBytes(built, limits.maxBytes - bytes);
  if (bytes > limits.maxBytes) throw resultTooManyBytes(limits.maxBytes);
  return {
    columns: keys,
    rows,
    graph: built,
    meta: { truncated, elapsedMs: Math.round(performance.now() - started) },
  };
}

export function resultTooManyBytes(maxBytes: number): ProblemError {
  return new ProblemError(
    413,
    'result-too-large',
    'Result too large',
    `The result is larger than ${(maxBytes / 1024 / 1024).toLocaleString('en')} MB as JSON; return less (LIMIT, ` +
      'fewer columns, shorter strings).',
  ).with({ maxBytes });
}

export function resultTooLarge(maxValues: number): ProblemError {
  return new ProblemError(
    413,
    'result-too-large',
    'Result too large',
    `The result holds more than ${maxValues.toLocaleString('en')} values; return less (LIMIT, fewer columns, ` +
      'shorter lists).',
  );
}
