import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApi } from '../../support/api.js';
import { timeCalls } from '../../support/timing.js';

const neighbourCount = 100_000;
const context = useApi();

describe('a node with 100,000 neighbours', () => {
  beforeAll(async () => {
    await context.db.write('CREATE INDEX test_hub_id IF NOT EXISTS FOR (n:TestHub) ON (n.id)');
    await context.db.write("CREATE (:TestHub {id: 'test-hub', name: 'Hub'})");
    // In batches: the embedded database caps one transaction's memory.
    for (let start = 0; start < neighbourCount; start += 20_000) {
      await context.db.write(
        `MATCH (hub:TestHub {id: 'test-hub'})
         UNWIND range($start, $start + 19999) AS i
         CREATE (hub)-[:TEST_SPOKE]->(:TestHub {id: 'test-leaf-' + i})`,
        { start: neo4j.int(start) },
      );
    }
    await context.db.write('CALL db.awaitIndexes(60)');
  }, 240_000);

  afterAll(async () => {
    // Relationships first, in batches, so no single transaction detaches the hub's 100,000.
    for (const batch of [
      'MATCH (:TestHub)-[r:TEST_SPOKE]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS deleted',
      'MATCH (n:TestHub) WITH n LIMIT 20000 DELETE n RETURN count(*) AS deleted',
    ]) {
      while (Number((await context.db.write(batch)).records[0]!.get('deleted')) > 0);
    }
    await context.db.write('DROP INDEX test_hub_id IF EXISTS');
  }, 240_000);

  it('When its expand menu and first page are asked for, then both answer with counts and a first page of 50 without loading everything', async () => {
    const menu = await context.api().get('/api/nodes/test-hub/relationships').expect(200);
    expect(menu.body.relationships).toEqual([{ type: 'TEST_SPOKE', direction: 'out', count: neighbourCount }]);

    const page = await context.api().get('/api/nodes/test-hub/neighbours').expect(200);
    expect(page.body.edges).toHaveLength(50);
    expect(page.body.meta).toMatchObject({ total: neighbourCount, truncated: true });

    const menuMs = (await timeCalls(() => context.api().get('/api/nodes/test-hub/relationships').expect(200), 5)).p50;
    const pageMs = (await timeCalls(() => context.api().get('/api/nodes/test-hub/neighbours').expect(200), 5)).p50;
    const ordinaryMs = (await timeCalls(() => context.api().get('/api/nodes/microsoft/neighbours').expect(200), 5)).p50;
    console.log(
      `100,000-neighbour node: relationships ${menuMs.toFixed(0)} ms, first neighbours page ${pageMs.toFixed(0)} ms ` +
        `(ordinary node's page: ${ordinaryMs.toFixed(0)} ms; medians of 5 after 2 warm-up calls)`,
    );
    // The goal is under 200 ms: `npm run bench` measures it (relationships menu and neighbours page of a
    // supernode); here the figures are printed and the shape above is what is asserted.
  });
});
