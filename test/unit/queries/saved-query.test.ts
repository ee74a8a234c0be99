import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { queryParameterSchema } from '../../../server/graph/graph.schemas.js';
import { parseQueryFile, parseRunParameters } from '../../../server/queries/saved-query.js';

const file = `// name: Deals since
// description: Deals of one company since a date.
// parameters:
//   - { name: company, type: nodeId, default: acme }
//   - { name: since, type: date }
//   - { name: kind, type: string, default: investment, values: [investment, licence] }
MATCH (c {id: $company})-[:PARTY_TO]->(d) WHERE d.since >= $since AND d.dealType = $kind RETURN d`;

describe('parseQueryFile', () => {
  it('When a file has a YAML header, then name, description, parameters and Cypher are read from it', () => {
    const query = parseQueryFile('deals-since', file);
    expect(query).toMatchObject({ id: 'deals-since', name: 'Deals since', origin: 'shipped' });
    expect(query.parameters.map((parameter) => parameter.name)).toEqual(['company', 'since', 'kind']);
    expect(query.query.startsWith('MATCH (c {id: $company})')).toBe(true);
  });

  it('When the header has an unknown field, then the error names the file', () => {
    expect(() => parseQueryFile('bad', '// name: x\n// colour: red\nRETURN 1')).toThrow('cypher/queries/bad.cypher');
  });
});

describe('parseRunParameters', () => {
  const query = parseQueryFile('deals-since', file);

  it('When values are given, then defaults fill the rest and dates become Cypher dates', () => {
    const values = parseRunParameters(query, { since: '2020-02-29' });
    expect(values.company).toBe('acme');
    expect(values.kind).toBe('investment');
    expect(String(values.since)).toBe('2020-02-29');
  });

  it.each([
    [{}, 'since'],
    [{ since: '2020-02-30' }, 'since'],
    [{ since: '2020-01-01', kind: 'gift' }, 'kind'],
    [{ since: '2020-01-01', company: 7 }, 'company'],
    [{ since: '2020-01-01', extra: true }, ''],
  ])('When given %j, then the error points at %j', (given, name) => {
    let error: unknown;
    try {
      parseRunParameters(query, given);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]!.path.join('.')).toBe(name);
  });
});

describe('queryParameterSchema', () => {
  it.each([
    [{ name: 'since', type: 'date', default: '2024-13-45' }, 'default'],
    [{ name: 'since', type: 'date', default: 2024 }, 'default'],
    [{ name: 'count', type: 'number', default: 'many' }, 'default'],
    [{ name: 'kind', type: 'string', values: ['a', 'b'], default: 'c' }, 'default'],
    [{ name: 'year', type: 'number', values: [2024, 'last'] }, 'values.1'],
    [{ name: 'company', type: 'nodeId', default: '' }, 'default'],
  ])('When a parameter is declared as %j, then it is refused at %j', (declared, path) => {
    const result = queryParameterSchema.safeParse(declared);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe(path);
  });

  it('When a default is a value of its type and among the allowed ones, then the declaration is kept', () => {
    const declared = { name: 'kind', type: 'string', values: ['a', 'b'], default: 'b' };
    expect(queryParameterSchema.parse(declared)).toEqual(declared);
  });

  it('When a query saved before defaults were checked has a bad date default, then a run is a ZodError naming it', () => {
    const stored = {
      ...parseQueryFile('deals-since', file),
      parameters: [{ name: 'since', type: 'date' as const, default: '2024-13-45' }],
    };
    expect(() => parseRunParameters(stored, {})).toThrow(ZodError);
  });
});
