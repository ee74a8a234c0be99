import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase } from '../../support/graphs.js';

const db = connectTestDatabase();

// A transaction network in miniature: 100,100 OWNS relationships written first (the first 100,000 in the
// store), then 150,000 TRANSFER between accounts, the graph's main relationship, and a type (AUDITS) that
// joins two labels at its start.
describe('the overview of a graph whose main relationship comes late in the store', () => {
  beforeAll(async () => {
    await emptyDatabase(db);
    await db.write('UNWIND range(1, 1000) AS i CREATE (:Person {id: i, name: "Person " + i})');
    await db.write('UNWIND range(1, 2000) AS i CREATE (:Account {id: 10000 + i})');
    for (let batch = 0; batch < 5; batch++) {
      await db.write(
        `MATCH (p:Person) WITH collect(p) AS people
         MATCH (a:Account) WITH people, collect(a) AS accounts
         UNWIND range(0, 20019) AS i
         WITH people[i % size(people)] AS p, accounts[(i + ${batch}) % size(accounts)] AS a
         CREATE (p)-[:OWNS]->(a)`,
      );
    }
    for (let batch = 0; batch < 5; batch++) {
      await db.write(
        `MATCH (a:Account) WITH collect(a) AS accounts
         UNWIND range(0, 29999) AS i
         WITH accounts[i % size(accounts)] AS a, accounts[(i * 7 + ${batch} + 1) % size(accounts)] AS b
         CREATE (a)-[:TRANSFER]->(b)`,
      );
    }
    await db.write(`CREATE (:Auditor {id: 1})-[:AUDITS]->(:Account {id: 1})
                    CREATE (:Regulator {id: 2})-[:AUDITS]->(:Person {id: 2})`);
  }, 240_000);

  afterAll(async () => {
    // Relationships first, in batches: a node with hundreds of them is too much for one bounded transaction.
    for (;;) {
      const { records } = await db.write('MATCH ()-[r]->() WITH r LIMIT 20000 DELETE r RETURN count(*) AS deleted');
      if (Number(records[0]!.get('deleted')) === 0) break;
    }
    await emptyDatabase(db);
    await db.close();
  });

  it('When the schema is read, then every type is linked with its full count, the main one first', async () => {
    const { body } = await request(testApp(db)).get('/api/schema').expect(200);
    const links = body.links.map(({ from, type, to, count }: Record<string, unknown>) => ({ from, type, to, count }));
    expect(links[0]).toEqual({ from: 'Account', type: 'TRANSFER', to: 'Account', count: 150_000 });
    expect(links).toContainEqual({ from: 'Person', type: 'OWNS', to: 'Account', count: 100_100 });
    expect(links).toEqual(
      expect.arrayContaining([
        { from: 'Auditor', type: 'AUDITS', to: 'Account', count: 1 },
        { from: 'Regulator', type: 'AUDITS', to: 'Person', count: 1 },
      ]),
    );
    expect(links.filter((link: { type: string }) => link.type === 'AUDITS')).toHaveLength(2);
  });
});
