import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { Name } from './names.js';

const cypherDir = path.join(projectRoot, 'cypher');

/**
 * The one way Cypher text is put together. A template slot is written `{{kind:slot}}`, of one of three kinds:
 * - `{{name:slot}}` takes a label, relationship type, property key or index name as a `Name` (names.ts: the
 *   name checked against the database's lists by the caller, escaped there); never a string.
 * - `{{cypher:slot}}` takes another loaded file (or a list of them, written one after another), composed
 *   itself if it has slots; never a string.
 * - `{{list:slot}}` takes a list of loaded files, written separated by commas (items of a Cypher list).
 * - `{{int:slot}}` takes a whole number ≥ 0 (a bound Cypher takes no parameter for, such as a path length).
 * Every other value reaches Cypher as a parameter. Comments are gone before any slot is filled, so nothing
 * filled into a slot can end (or start) one.
 */
const slotPattern = /\{\{(\w+):(\w+)\}\}/g;

export type SlotKind = 'name' | 'cypher' | 'list' | 'int';
const slotKinds: readonly string[] = ['name', 'cypher', 'list', 'int'];

/** What each kind of slot takes. */
export type SlotValue = Name | Cypher | readonly Cypher[] | number;

const made = Symbol('cypher');

/**
 * Cypher text that came from a file in cypher/ (possibly with its slots filled by `compose`), never from a
 * string built in TypeScript. A `String`, so the driver and `Database` take it as the query text.
 */
export class Cypher extends String {
  /** The file it was loaded from (for messages). */
  readonly source: string;
  /** Its slots not filled yet, each with its kind. */
  readonly slots: ReadonlyMap<string, SlotKind>;

  /**
   * `filled`: the text is a composed one, whose slots are all filled. It is not scanned for slots again, since
   * a name filled in may itself hold `{{` or `}}` (a label called `a}}b` is a label like any other).
   */
  constructor(token: typeof made, source: string, text: string, filled = false) {
    if (token !== made) throw new Error('Cypher comes from loadCypher or compose');
    super(text);
    this.source = source;
    const slots = new Map<string, SlotKind>();
    this.slots = slots;
    if (filled) return;
    for (const [, kind, slot] of text.matchAll(slotPattern)) {
      if (!slotKinds.includes(kind!))
        throw new Error(`cypher/${source}.cypher: {{${kind}:${slot}}} is no kind of slot`);
      const known = slots.get(slot!);
      if (known && known !== kind) throw new Error(`cypher/${source}.cypher: slot ${slot} is of two kinds`);
      slots.set(slot!, kind as SlotKind);
    }
    const stray = text.replace(slotPattern, '').match(/\{\{|\}\}/);
    if (stray) throw new Error(`cypher/${source}.cypher: a slot is not written {{kind:slot}}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return 'a string';
  if (value instanceof Cypher) return `cypher/${value.source}.cypher`;
  if (value instanceof Name) return 'a name';
  return typeof value;
}

/**
 * Fills every slot of `template` (a missing, extra or wrongly kinded value is an error, thrown before any
 * query runs). The result has no slots left and may itself fill a `{{cypher:…}}` slot.
 */
export function compose(template: Cypher, slots: Readonly<Record<string, SlotValue>> = {}): Cypher {
  if (!(template instanceof Cypher)) throw new TypeError('compose takes a template loaded with loadCypher');
  const where = `cypher/${template.source}.cypher`;
  for (const slot of Object.keys(slots)) {
    if (!template.slots.has(slot)) throw new Error(`${where} has no slot ${slot}`);
  }
  for (const [slot, kind] of template.slots) {
    const value: unknown = slots[slot];
    if (value === undefined) throw new Error(`${where}: slot ${slot} has no value`);
    const fits =
      kind === 'name'
        ? value instanceof Name
        : kind === 'int'
          ? typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
          : kind === 'list'
            ? Array.isArray(value) && value.every((part) => part instanceof Cypher)
            : value instanceof Cypher || (Array.isArray(value) && value.every((part) => part instanceof Cypher));
    if (!fits) throw new TypeError(`${where}: slot ${slot} takes ${kindText[kind]}, not ${describe(value)}`);
    const unfilled = (Array.isArray(value) ? value : [value]).find(
      (part): part is Cypher => part instanceof Cypher && part.slots.size > 0,
    );
    if (unfilled)
      throw new Error(`${where}: slot ${slot} is given cypher/${unfilled.source}.cypher with slots unfilled`);
  }
  const text = template.toString().replace(slotPattern, (_match, kind: SlotKind, slot: string) => {
    const value = slots[slot]!;
    if (kind === 'cypher') return (Array.isArray(value) ? value : [value]).map(String).join('\n');
    if (kind === 'list') return (value as readonly Cypher[]).map(String).join(',\n');
    return value.toString();
  });
  return new Cypher(made, template.source, text, true);
}

const kindText: Record<SlotKind, string> = {
  name: 'a Name (names.ts)',
  cypher: 'a loaded Cypher file',
  list: 'a list of loaded Cypher files',
  int: 'a whole number',
};

/**
 * The text of a Cypher file without its comments (`//` to the end of a line, `/* … *\/`), outside string
 * literals and backticked names, with blank lines dropped.
 */
export function stripComments(text: string): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === "'" || char === '"' || char === '`') {
      // A quoted stretch runs to the same quote unescaped (a backslash escapes in strings; `` in names).
      let end = index + 1;
      while (end < text.length && text[end] !== char) end += char !== '`' && text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
    } else if (text.startsWith('//', index)) {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', index)) {
      const end = text.indexOf('*/', index + 2);
      if (end === -1) throw new Error('A Cypher comment is not closed');
      out += ' ';
      index = end + 2;
    } else {
      out += char;
      index += 1;
    }
  }
  return out
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim())
    .join('\n');
}

/** Reads one file of cypher/ (`name` without `.cypher`), comments stripped and fragments expanded. */
function readCypher(name: string): Cypher {
  const file = path.join(cypherDir, `${name}.cypher`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Missing Cypher file: cypher/${name}.cypher`);
  }
  text = stripComments(text);
  if (!text) throw new Error(`Empty Cypher file: cypher/${name}.cypher`);
  return new Cypher(made, name, expandFragments(text));
}

/**
 * Reads named queries from `cypher/<name>.cypher` once, when the module that needs them loads, so a
 * missing or empty file (or a malformed slot) stops start-up instead of failing the first request that
 * needs it. A file with slots is filled with `compose` before it runs.
 */
export function loadCypher<const Names extends string>(...names: Names[]): Record<Names, Cypher> {
  const queries = {} as Record<Names, Cypher>;
  for (const name of names) queries[name] = readCypher(name);
  return queries;
}

/** The body of a fragment file: its lines without `//` comments, on one line. */
function readFragment(name: string): string {
  return stripComments(readFileSync(path.join(cypherDir, 'fragments', `${name}.cypher`), 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
}

/**
 * Expressions that several queries share, written once under cypher/fragments/ and called in a query like
 * functions of one argument, any expression (`dateOf(r.since)`, `dateOf(relationshipStart(r))`). Neo4j
 * knows no such functions, so a fragment left unexpanded fails at planning, never silently.
 */
const fragments: [name: string, parameter: string, file: string][] = [
  ['validAsOf', 'item', 'valid-as-of'],
  ['nodeValidAsOf', 'item', 'node-valid-as-of'],
  ['relationshipStart', 'item', 'relationship-start'],
  ['relationshipEnd', 'item', 'relationship-end'],
  ['nodeStart', 'item', 'node-start'],
  ['nodeEnd', 'item', 'node-end'],
  ['dateOf', 'ARGUMENT', 'date-of'],
];

/** The text between the parenthesis at `open` and the one that closes it. */
function argumentAt(text: string, open: number): { argument: string; close: number } {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && --depth === 0) return { argument: text.slice(open + 1, index), close: index };
  }
  throw new Error(`Unbalanced parentheses after position ${open} in a Cypher query`);
}

export function expandFragments(query: string): string {
  let expanded = query;
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    for (const [name, parameter, file] of fragments) {
      const call = new RegExp(`\\b${name}\\(`);
      for (let match = call.exec(expanded); match; match = call.exec(expanded)) {
        const open = match.index + name.length;
        const { argument, close } = argumentAt(expanded, open);
        const body = readFragment(file).replace(new RegExp(`\\b${parameter}\\b`, 'g'), () => `(${argument})`);
        expanded = `${expanded.slice(0, match.index)}(${body})${expanded.slice(close + 1)}`;
        changed = true;
      }
    }
    if (!changed) return expanded;
  }
  throw new Error('Cypher fragments nest too deeply');
}

/** Splits a file of several statements (schema scripts) on the semicolons that end lines. */
export function splitStatements(script: Cypher): Cypher[] {
  return script
    .toString()
    .split(/;\s*(?:\r?\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement) => new Cypher(made, script.source, statement, script.slots.size === 0));
}
