import { describe, expect, it } from 'vitest';
import { expandFragments, loadCypher, splitStatements } from '../../../server/neo4j/cypher.js';

describe('splitStatements', () => {
  it('When a script has comments and several statements, then each statement comes back without comments', () => {
    const script =
      '// header\nCREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n\n' +
      "// second\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.name);\nRETURN 'x;y' AS v;";
    expect(splitStatements(script)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.name)',
      "RETURN 'x;y' AS v",
    ]);
  });
});

describe('loadCypher', () => {
  it('When a query file exists, then its text is returned under its name', () => {
    const queries = loadCypher('health/components');
    expect(queries['health/components']).toContain('dbms.components()');
  });

  it('When a query file is missing, then loading fails with the file named', () => {
    expect(() => loadCypher('no/such-query')).toThrow('Missing Cypher file: cypher/no/such-query.cypher');
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
    for (const name of ['validAsOf(', 'nodeValidAsOf(', 'relationshipStart(', 'nodeEnd(', 'dateOf(']) {
      expect(expanded).not.toContain(name);
    }
    expect(expanded).toMatch(/\$dating\[type\(\(+r\)+\)\]/);
    expect(expanded.split('(').length).toBe(expanded.split(')').length);
  });

  it('When a call is not closed, then loading fails instead of sending broken Cypher', () => {
    expect(() => expandFragments('RETURN dateOf(r.since')).toThrow(/Unbalanced/);
  });
});
