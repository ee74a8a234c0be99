import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogCypher } from '../../../server/graph/catalog.js';
import { useApi } from '../../support/api.js';

const context = useApi();

// What the catalog reads is cached across requests (server/graph/catalog.ts), so it is not counted.
const catalogQueries = new Set<unknown>(Object.values(catalogCypher));

/** The statements one request sends to Neo4j, after a first request has warmed the catalog. */
async function statementsOf(path: string): Promise<number> {
  await context.api().get(path).expect(200);
  const read = vi.spyOn(context.db, 'read');
  await context.api().get(path).expect(200);
  return read.mock.calls.filter(([query]) => !catalogQueries.has(query)).length;
}

describe('one round trip per request', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    '/api/nodes/microsoft',
    '/api/nodes/microsoft/neighbours',
    '/api/nodes/microsoft/neighbours?labels=Person&asOf=2024-01-01',
    '/api/nodes/microsoft/neighbours?types=INVESTED_IN&direction=out&skip=1',
    '/api/paths?from=microsoft&to=openai',
    '/api/search?q=micro',
  ])('When %s is asked for, then Neo4j gets one statement: lookup, totals and page together', async (path) => {
    expect(await statementsOf(path)).toBe(1);
  });

  it('When the expand menu is asked for, then Neo4j gets one statement per 60 relationship types (and one lookup when there are several)', async () => {
    const { body } = await context.api().get('/api/schema').expect(200);
    // Planning grows with the types counted in one statement (server/nodes/nodes.queries.ts): the default
    // dataset's 70-odd types are counted in two, sent together after one lookup of the node.
    const chunks = Math.ceil(body.relationshipTypes.length / 60);
    expect(await statementsOf('/api/nodes/microsoft/relationships')).toBe(chunks > 1 ? chunks + 1 : 1);
  });
});
