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

function notAllowed(name: string | undefined): ProblemError {
  return forbidden(`the procedure ${name ?? '(unknown)'} is not on the allow-list`);
}

/** Every string among an operator's arguments (Details, Signature, …), however they are nested. */
function argumentTexts(value: unknown, texts: string[] = []): string[] {
  if (typeof value === 'string') texts.push(value);
  else if (Array.isArray(value)) value.forEach((item) => argumentTexts(item, texts));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => argumentTexts(item, texts));
  return texts;
}

/**
 * A procedure called inside an expression (`COUNT { CALL … }` in a list comprehension, CASE, reduce or
 * pattern comprehension) is planned as a nested plan: it has no operator of its own and shows only in
 * its parent's details, as `ResolvedCall(db.info() :: …)`.
 */
const resolvedCall = /ResolvedCall\(\s*([^\s(]*)/g;

function checkPlan(plan: PlanNode) {
  const operator = plan.operatorType.replace(/@.*$/, '');
  for (const [pattern, reason] of forbiddenOperators) {
    if (pattern.test(operator)) throw forbidden(reason);
  }
  const texts = argumentTexts(plan.arguments);
  if (operator.startsWith('ProcedureCall')) {
    const described = plan.arguments.Details ?? plan.arguments.Signature;
    const details = typeof described === 'string' ? described : '';
    const name = /^([\w.]+)\s*\(/.exec(details)?.[1];
    if (!name || !allowedProcedures.has(name)) throw notAllowed(name);
  }
  for (const text of texts) {
    for (const [, name] of text.matchAll(resolvedCall)) {
      if (!name || !allowedProcedures.has(name)) throw notAllowed(name || undefined);
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

/**
 * Limits on a statement's shape, far beyond any real query. Neo4j's parser never answers a statement whose
 * expression tree is too deep (measured on 5.26: NOT repeated 500 times, CASE nested 300 deep, brackets
 * 1,000 deep, a 1,000-step pattern, 20,000 additions in a row, `!` repeated 1,000 times before a label,
 * 3,000 labels on one node), which holds a connection until the client gives up. Postfix chains overflow
 * sooner: 400 property lookups or 400 subscripts in a row (`m.a.a…`, `m["a"]["a"]…`) already do, 250 not.
 */
export const maxNesting = 64;
export const maxOperators = 500;
export const maxChain = 200;

const openers = new Set(['(', '[', '{', 'CASE']);
/** What joins two expressions or steps, each deepening the parse tree by one. */
const operators = new Set([
  ...['+', '-', '*', '/', '%', '^', '=', '<>', '<', '>', '<=', '>=', '=~', '.', '->', '<-', '--', '||', '|', '&'],
  ...['AND', 'OR', 'XOR', 'IN', 'STARTS', 'ENDS', 'CONTAINS', 'IS'],
]);
const symbols = ['<>', '<=', '>=', '=~', '->', '<-', '--', '||'];

/**
 * The statement's words and symbols as Cypher reads them: unicode escapes decoded first, then string
 * literals read as one token each, quoted names as a backtick and the name, comments and spaces dropped.
 */
function* tokens(query: string): Generator<string> {
  const text = query.replace(/\\u([0-9a-fA-F]{4})/g, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) continue;
    if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end < 0) return;
      i = end;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return;
      i = end + 1;
    } else if (char === "'" || char === '"') {
      for (i++; i < text.length && text[i] !== char; i++) {
        if (text[i] === '\\') i++;
      }
      yield 'literal';
    } else if (char === '`') {
      // A quoted name, kept with its backtick: it can name a procedure (CALL `db`.`info`()).
      let name = '';
      for (i++; i < text.length; i++) {
        if (text[i] === '`' && text[i + 1] === '`') name += text[++i];
        else if (text[i] === '`') break;
        else name += text[i];
      }
      yield `\`${name}`;
    } else if (/[\p{L}\p{N}_$]/u.test(char)) {
      // A word, or a number such as 1.5e3 (its dot is not a property lookup).
      const word = /^(\d+(\.\d+)?([eE][+-]?\d+)?|[\p{L}\p{N}_$]+)/u.exec(text.slice(i, i + 256))![0];
      i += word.length - 1;
      yield word;
    } else {
      const pair = text.slice(i, i + 2);
      if (symbols.includes(pair)) i++;
      yield symbols.includes(pair) ? pair : char;
    }
  }
}

/** Where one expression or pattern ends and the next begins: joins are counted per run between them. */
const runBreaks = new Set([
  ',',
  'MATCH',
  'OPTIONAL',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER',
  'SKIP',
  'LIMIT',
  'CALL',
  'YIELD',
]);
const matching: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Tokens that can end an operand, so that a `[` after them is a subscript, not a list. */
const operandEnd = /^[\])}`\p{L}\p{N}_$]/u;
/** Tokens that go on a postfix chain without ending it: the key or label after it, closing brackets, `!`. */
const chainKeeps = new Set(['name', ']', ')', '}', '!']);

/**
 * Refuses, before Neo4j sees it, a statement nested deeper than `maxNesting` (brackets, CASE … END, NOT
 * after NOT, `!` after `!`), one expression or pattern joining more than `maxOperators` parts, a chain of
 * more than `maxChain` property lookups, subscripts or labels (`m.a.b`, `m[0][1]`, `n:A:B`), or more
 * than `maxOperators` queries joined by UNION.
 */
export function assertReasonableShape(query: string): void {
  const open: string[] = [];
  /** The postfix chain going on at each bracket level; what is inside a subscript does not end it. */
  const chains: number[] = [0];
  let prefixes = 0;
  let joins = 0;
  let unions = 0;
  let previous = '';
  let previousToken = '';
  for (const word of tokens(query)) {
    const read = word.toUpperCase();
    // After a dot a word is a property key; after a colon a label or type (n:Case), unless the colon is a
    // map's ({a: CASE … END}), whose value is an expression. END closes only a CASE (else it is a name).
    const name =
      previous === '.' || (previous === ':' && open.at(-1) !== '{') || (read === 'END' && open.at(-1) !== 'CASE');
    const token = name ? 'name' : read;
    const postfix =
      token === '.' || (token === ':' && open.at(-1) !== '{') || (token === '[' && operandEnd.test(previousToken));
    previous = read;
    previousToken = token;
    if (postfix) {
      chains[open.length] = (chains[open.length] ?? 0) + 1;
      if (chains[open.length]! > maxChain) {
        throw ProblemError.badRequest(
          `More than ${maxChain} property lookups, subscripts or labels follow each other; split it up.`,
        );
      }
    } else if (!chainKeeps.has(token)) chains[open.length] = 0;
    if (openers.has(token)) open.push(token);
    else if (token === 'END') open.pop();
    else if (token in matching && open.includes(matching[token]!)) {
      // A bracket closes its own opener and any CASE left open inside it.
      while (open.pop() !== matching[token]);
    }
    // A level opened afresh starts without a chain; the one closed keeps its chain going.
    chains.length = open.length + 1;
    if (openers.has(token)) chains[open.length] = 0;
    prefixes = token === 'NOT' || token === '!' ? prefixes + 1 : 0;
    if (open.length + prefixes > maxNesting) {
      throw ProblemError.badRequest(
        `The statement is nested more than ${maxNesting} deep (brackets, CASE, NOT, !); split it up.`,
      );
    }
    if (runBreaks.has(token)) joins = 0;
    if (operators.has(token) && ++joins > maxOperators) {
      throw ProblemError.badRequest(
        `An expression or pattern joins more than ${maxOperators} parts; split it up or pass lists as parameters.`,
      );
    }
    if (token === 'UNION' && ++unions > maxOperators) {
      throw ProblemError.badRequest(`The statement joins more than ${maxOperators} queries with UNION.`);
    }
  }
}

const isName = (token: string | undefined) => token !== undefined && /^[`\p{L}_$]/u.test(token);
const allowedUpperCase = new Set([...allowedProcedures].map((name) => name.toUpperCase()));

/**
 * Refuses a statement whose text calls a procedure off the allow-list, wherever the call sits (inside
 * COUNT { }, EXISTS { }, COLLECT { }, any expression). A second layer under the plan check: it reads the
 * text as Cypher does (escapes decoded, comments and strings skipped), so it needs no plan at all.
 */
export function assertNamedProceduresAllowed(query: string): void {
  const all = [...tokens(query)].map((token) => (token.startsWith('`') ? token : token.toUpperCase()));
  const original = [...tokens(query)];
  for (let i = 0; i < all.length; i++) {
    // `n.call` and `x AS call` are names, not the keyword.
    if (all[i] !== 'CALL' || ['.', ':', 'AS'].includes(all[i - 1] ?? '') || !isName(all[i + 1])) continue;
    const parts = [original[i + 1]!.replace(/^`/, '')];
    let next = i + 2;
    while (all[next] === '.' && isName(all[next + 1])) {
      parts.push(original[next + 1]!.replace(/^`/, ''));
      next += 2;
    }
    // `CALL` as a variable (`RETURN call AS c`) is followed by neither a dotted name nor arguments.
    if (parts.length === 1 && all[next] !== '(') continue;
    const name = parts.join('.');
    if (!allowedUpperCase.has(name.toUpperCase())) throw notAllowed(name);
  }
}
