import type { ResultSummary } from 'neo4j-driver';
import { ProblemError } from '../http/problem.js';

/** Procedures the console may call: read-only introspection and full-text search. */
export const allowedProcedures = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/** Plan operators that read files or URLs, see or stop other users' work, or batch writes. */
const forbiddenOperators: [RegExp, string][] = [
  [/^LoadCSV/, 'LOAD CSV reads files and URLs'],
  [/^Transaction(Apply|Foreach)/, 'CALL { … } IN TRANSACTIONS is not allowed'],
  [/^(Show|Terminate)/, 'administration commands (SHOW, TERMINATE) are not allowed'],
];

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function forbidden(reason: string): ProblemError {
  return new ProblemError(403, 'read-only', 'Statement not allowed', `The console is read-only: ${reason}.`);
}

function checkPlan(plan: PlanNode) {
  const operator = plan.operatorType.replace(/@.*$/, '');
  for (const [pattern, reason] of forbiddenOperators) {
    if (pattern.test(operator)) throw forbidden(reason);
  }
  if (operator.startsWith('ProcedureCall')) {
    const described = plan.arguments.Details ?? plan.arguments.Signature;
    const details = typeof described === 'string' ? described : '';
    const name = /^([\w.]+)\s*\(/.exec(details)?.[1];
    if (!name || !allowedProcedures.has(name)) {
      throw forbidden(`the procedure ${name ?? '(unknown)'} is not on the allow-list`);
    }
  }
  plan.children.forEach(checkPlan);
}

/**
 * Accepts a statement only if Neo4j's own plan of it is a pure read (query type `r`, not `rw`, `w`, or
 * `s` for schema writes) and no operator reaches outside the graph. Keyword filters would miss what
 * Cypher decodes before parsing (comments, unicode escapes); the plan sees what will actually run.
 */
export function assertReadOnly(summary: ResultSummary) {
  // The plan is checked first: it names the operator or procedure at fault, where the type only says 's'.
  if (summary.plan && typeof summary.plan === 'object') checkPlan(summary.plan);
  if (summary.queryType !== 'r') {
    const kind =
      { w: 'it writes', rw: 'it writes', s: 'it is a schema or administration statement' }[summary.queryType] ??
      'it is not a read';
    throw forbidden(kind);
  }
}

/** Deeper than any real query; Neo4j's parser overflows on about 1,000 and then never answers. */
export const maxNesting = 64;

const openers = new Set(['(', '[', '{']);
const closers = new Set([')', ']', '}']);

/**
 * Refuses a statement nested deeper than `maxNesting` brackets before Neo4j sees it. The text is read as
 * Cypher reads it: unicode escapes decoded first, then string literals, quoted names and comments skipped.
 */
export function assertReasonableNesting(query: string): void {
  const text = query.replace(/\\u([0-9a-fA-F]{4})/g, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) return;
      i = end;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return;
      i = end + 1;
    } else if (char === "'" || char === '"' || char === '`') {
      for (i++; i < text.length && text[i] !== char; i++) {
        if (text[i] === '\\' && char !== '`') i++;
      }
    } else if (openers.has(char)) {
      depth += 1;
      if (depth > maxNesting) {
        throw ProblemError.badRequest(`The statement is nested more than ${maxNesting} brackets deep.`);
      }
    } else if (closers.has(char)) {
      depth = Math.max(0, depth - 1);
    }
  }
}
