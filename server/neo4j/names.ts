/**
 * Labels, relationship types and property keys cannot be Cypher parameters. Where a query needs one
 * written out (for the planner to use an index or a node's per-type degree), the name must come from the
 * database's own list (see graph/catalog.ts) and is inserted only through these functions.
 */
export function escapeName(name: string): string {
  // Cypher decodes \uXXXX escapes in the query text before it parses names, so a backslash in a name is
  // written as the escape of a backslash (\u005C), which the decoder turns back into one and does not
  // read again; backticks are doubled.
  return '`' + name.replace(/\\/g, '\\u005C').replace(/`/g, '``') + '`';
}

const escaped = Symbol('escaped');

/**
 * A label, relationship type, property key or index name, escaped: what a `{{name:…}}` slot of a Cypher file
 * takes (neo4j/cypher.ts `compose`). Made only by `name` and `names`, from a name the caller has checked
 * against the database's own lists (or a fixed name of Entente's own).
 */
export class Name {
  readonly #text: string;

  constructor(token: typeof escaped, text: string) {
    if (token !== escaped) throw new Error('A Name is made by name() or names()');
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }
}

/** One name, escaped, for a `{{name:…}}` slot. */
export function name(raw: string): Name {
  return new Name(escaped, escapeName(raw));
}

/**
 * Several names as one label or type expression: `A|B` (any of them) or `A:B` (all of them). At least one:
 * an empty expression would not parse.
 */
export function names(raw: readonly string[], separator: '|' | ':'): Name {
  if (!raw.length) throw new Error('names() needs at least one name');
  return new Name(escaped, raw.map(escapeName).join(separator));
}
