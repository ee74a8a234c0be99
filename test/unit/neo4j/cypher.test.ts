import { describe, expect, it } from 'vitest';
import {
  compose,
  Cypher,
  expandFragments,
  loadCypher,
  splitStatements,
  stripComments,
} from '../../../server/neo4j/cypher.js';
import { name } from '../../../server/neo4j/names.js';

// Real files of cypher/, one per kind of slot (a template exists only as a loaded file).
const cypher = loadCypher(
  'nodes/degree-order-closed', // {{name:label}}
  'export/around', // {{int:depth}}
  'nodes/by-key', // {{cypher:resolveIds}}
  'nodes/resolve-ids', // {{cypher:indexed}}
  'nodes/resolve-id-in-label', // {{name:label}}
  'schema/constraints',
  'health/components',
  'nodes/degrees', // {{list:perType}}
  'nodes/degree-of-type',
);

describe('stripComments', () => {
  it('When a file has line and block comments, then they are gone and blank lines with them', () => {
    expect(stripComments('// head\nMATCH (n) /* inline */ RETURN n // tail\n\n// end')).toBe('MATCH (n)   RETURN n');
  });

  it('When comment marks stand inside strings or backticked names, then they stay', () => {
    const text = "RETURN 'a // b' AS `c // d`, \"e /* f */\" AS g, 'it\\'s // h'";
    expect(stripComments(text)).toBe(text);
  });

  it('When a block comment is not closed, then loading fails', () => {
    expect(() => stripComments('RETURN 1 /* open')).toThrow(/not closed/);
  });
});

describe('loadCypher', () => {
  it('When a query file exists, then its text is returned under its name, without comments', () => {
    const queries = loadCypher('health/components');
    expect(String(queries['health/components'])).toContain('dbms.components()');
    expect(String(queries['health/components'])).not.toContain('//');
  });

  it('When a query file is missing, then loading fails with the file named', () => {
    expect(() => loadCypher('no/such-query')).toThrow('Missing Cypher file: cypher/no/such-query.cypher');
  });

  it('When a file is loaded, then its slots are known with their kinds', () => {
    expect([...cypher['nodes/degree-order-closed'].slots]).toEqual([['label', 'name']]);
    expect([...cypher['export/around'].slots]).toEqual([['depth', 'int']]);
    expect([...cypher['nodes/by-key'].slots]).toEqual([['resolveIds', 'cypher']]);
  });
});

describe('compose', () => {
  it('When a name slot is filled, then the name is written escaped wherever the slot stands', () => {
    const query = String(compose(cypher['nodes/degree-order-closed'], { label: name('A`B\n// x') }));
    expect(query).toContain('MATCH (:`A``B\n// x`)--(outside) WHERE NOT outside:`A``B\n// x`');
    expect(query).not.toContain('{{');
  });

  it('When a name holds slot braces, then it is written as it is, and what it made fills other slots', () => {
    const degree = compose(cypher['nodes/degree-order-closed'], { label: name('a}}b{{name:label}}') });
    expect(String(degree)).toContain('`a}}b{{name:label}}`');
    expect(degree.slots.size).toBe(0);
  });

  it('When an int slot is filled, then the number is written; a fraction or a negative is refused', () => {
    expect(String(compose(cypher['export/around'], { depth: 3 }))).toContain('[*0..3]');
    expect(() => compose(cypher['export/around'], { depth: 1.5 })).toThrow(/depth takes a whole number/);
    expect(() => compose(cypher['export/around'], { depth: -1 })).toThrow(/depth takes a whole number/);
  });

  it('When cypher slots are filled with files (one, several or none), then their texts stand there', () => {
    const branch = (label: string) => compose(cypher['nodes/resolve-id-in-label'], { label: name(label) });
    const lookup = compose(cypher['nodes/resolve-ids'], { indexed: [branch('A'), branch('B')] });
    const query = String(compose(cypher['nodes/by-key'], { resolveIds: lookup }));
    expect(query).toContain('UNION\nMATCH (n:`A`) WHERE n.id IN $idValues RETURN n\nUNION\nMATCH (n:`B`)');
    expect(query.endsWith('RETURN key, n')).toBe(true);
    expect(String(compose(cypher['nodes/resolve-ids'], { indexed: [] }))).not.toContain('UNION');
  });

  it('When a list slot is filled, then its files stand there separated by commas; one file alone is refused', () => {
    const lookup = compose(cypher['nodes/resolve-ids'], { indexed: [] });
    const perType = ['A', 'B'].map((type) => compose(cypher['nodes/degree-of-type'], { type: name(type) }));
    const query = String(compose(cypher['nodes/degrees'], { resolveIds: lookup, perType }));
    expect(query).toContain('COUNT { (n)<-[:`A`]-() }');
    expect(query).toContain('ELSE 0 END],\n[COUNT { (n)-[:`B`]->() }');
    expect(String(compose(cypher['nodes/degrees'], { resolveIds: lookup, perType: [] }))).toMatch(
      /RETURN \[\s*\] AS degrees$/,
    );
    expect(() => compose(cypher['nodes/degrees'], { resolveIds: lookup, perType: perType[0]! })).toThrow(
      'slot perType takes a list of loaded Cypher files',
    );
  });

  it('When a slot has no value, then composing fails naming the file and the slot', () => {
    expect(() => compose(cypher['nodes/degree-order-closed'], {})).toThrow(
      'cypher/nodes/degree-order-closed.cypher: slot label has no value',
    );
  });

  it('When a value is given for a slot the file lacks, then composing fails', () => {
    expect(() => compose(cypher['export/around'], { depth: 1, label: name('A') })).toThrow(
      'cypher/export/around.cypher has no slot label',
    );
  });

  it('When a string is given where a name is required, then it is a type error and a runtime error', () => {
    // @ts-expect-error A string is no Name: only names.ts makes one, escaped.
    expect(() => compose(cypher['nodes/degree-order-closed'], { label: 'Company' })).toThrow(
      'slot label takes a Name (names.ts), not a string',
    );
  });

  it('When a string is given where a fragment is required, then it is a type error and a runtime error', () => {
    // @ts-expect-error A string is no loaded file.
    expect(() => compose(cypher['nodes/by-key'], { resolveIds: 'MATCH (n) RETURN n' })).toThrow(
      'slot resolveIds takes a loaded Cypher file, not a string',
    );
  });

  it('When a name or a file is given for a slot of another kind, then composing fails', () => {
    expect(() => compose(cypher['nodes/by-key'], { resolveIds: name('A') })).toThrow(/not a name/);
    expect(() => compose(cypher['nodes/degree-order-closed'], { label: cypher['health/components'] })).toThrow(
      /not cypher\/health\/components.cypher/,
    );
  });

  it('When a fragment still has slots, then composing fails instead of sending them', () => {
    expect(() => compose(cypher['nodes/by-key'], { resolveIds: cypher['nodes/resolve-ids'] })).toThrow(
      /with slots unfilled/,
    );
  });

  it('When something other than a loaded file is composed, then it fails', () => {
    // @ts-expect-error compose takes a Cypher, not a string.
    expect(() => compose('MATCH (n:{{name:label}}) RETURN n', { label: name('A') })).toThrow(/loadCypher/);
    // @ts-expect-error Cypher is made only by loadCypher and compose.
    expect(() => new Cypher(Symbol('cypher'), 'x', 'RETURN 1')).toThrow(/loadCypher or compose/);
  });
});

describe('splitStatements', () => {
  it('When a script has several statements, then each comes back on its own, without comments', () => {
    const statements = splitStatements(cypher['schema/constraints']).map(String);
    expect(statements.length).toBeGreaterThan(1);
    for (const statement of statements) {
      expect(statement).not.toMatch(/;\s*$/);
      expect(statement).not.toContain('//');
    }
  });
});

describe('expandFragments', () => {
  it('When a query calls a fragment on any expression, then the call becomes the fragment with that argument', () => {
    const expanded = expandFragments('RETURN dateOf(coalesce(r.since, date())) AS day');
    expect(expanded).not.toContain('dateOf(');
    expect(expanded).toContain('[candidate IN [(coalesce(r.since, date()))] |');
  });

  it('When fragments call fragments, then every level is expanded', () => {
    const expanded = expandFragments('MATCH (a)-[r]->(b) WHERE validAsOf(r) AND nodeValidAsOf(b) RETURN r');
    for (const call of ['validAsOf(', 'nodeValidAsOf(', 'relationshipStart(', 'nodeEnd(', 'dateOf(']) {
      expect(expanded).not.toContain(call);
    }
    expect(expanded).toMatch(/\$dating\[type\(\(+r\)+\)\]/);
    expect(expanded.split('(').length).toBe(expanded.split(')').length);
  });

  it('When a call is not closed, then loading fails instead of sending broken Cypher', () => {
    expect(() => expandFragments('RETURN dateOf(r.since')).toThrow(/Unbalanced/);
  });
});
