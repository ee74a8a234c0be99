import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../server/seed/prepare.js';
import { emptyDatabase } from '../../support/graphs.js';
import { connectTestDatabase } from '../../support/database.js';

const db = connectTestDatabase();

async function graphCounts() {
  const { records } = await db.read(
    'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}

/** One relationship of the loaded graph, as a plain object with ISO dates. */
async function relationship(from: string, type: string, to: string, where = 'true') {
  const { records } = await db.read(
    `MATCH ({id: $from})-[r]->({id: $to}) WHERE type(r) = $type AND ${where}
     RETURN properties(r) AS props, toString(r.since) AS since, toString(r.until) AS until`,
    { from, to, type },
  );
  expect(records, `${from} ${type} ${to}`).toHaveLength(1);
  const record = records[0]!;
  return { ...record.get('props'), since: record.get('since'), until: record.get('until') };
}

async function node(id: string) {
  const { records } = await db.read(
    'MATCH (n {id: $id}) RETURN labels(n) AS labels, properties(n) AS props, toString(n.since) AS since',
    { id },
  );
  expect(records, id).toHaveLength(1);
  return { labels: records[0]!.get('labels'), ...records[0]!.get('props'), since: records[0]!.get('since') };
}

describe('the default dataset', () => {
  let first: { nodes: number; relationships: number };

  beforeAll(async () => {
    // These tests read the whole database: whatever an earlier file loaded beside the dataset goes first.
    await emptyDatabase(db);
    await seedDatabase(db);
    first = await graphCounts();
  });
  afterAll(() => db.close());

  it('When it is loaded a second time, then the node and relationship counts do not change', async () => {
    await seedDatabase(db);
    expect(await graphCounts()).toEqual(first);
    expect(first.nodes).toBeGreaterThan(60);
    expect(first.relationships).toBeGreaterThan(200);
  });

  it('When any relationship is read, then it has a claim and cites a Source node, unless marked outside knowledge', async () => {
    const { records } = await db.read(`
      MATCH ()-[r]->()
      WHERE r.claim IS NULL
         OR (r.outsideKnowledge IS NULL AND (size(r.sources) = 0
             OR NOT all(id IN r.sources WHERE EXISTS { MATCH (:Source {id: id}) })))
         OR (r.outsideKnowledge AND size(r.sources) > 0)
      RETURN count(r) AS unsourced`);
    expect(Number(records[0]!.get('unsourced'))).toBe(0);
  });

  it('When a node has no claim, then it has no sources; its documents are MENTIONED_IN relationships', async () => {
    const { records } = await db.read(`
      MATCH (n) WHERE NOT n:Source AND n.claim IS NULL AND n.sources IS NOT NULL RETURN count(n) AS wrong`);
    expect(Number(records[0]!.get('wrong'))).toBe(0);
    const google = await db.read(
      "MATCH (:Company {id: 'google'})-[:MENTIONED_IN]->(s:Source) RETURN s.id AS id ORDER BY id",
    );
    expect(google.records.map((r) => r.get('id'))).toEqual(['000_4ad60acd83ff3f26', '004_7ad8b1a156c96548']);
  });

  it('When a field is dropped from the files and the dataset is loaded again, then the graph drops it too', async () => {
    // As if an earlier version of the files had given the chips project an end and an amount.
    await db.write("MATCH (p:Project {id: 'openai-chips'}) SET p.until = date('2026-01-01'), p.amountUsd = 1.0");
    await seedDatabase(db);
    const { records } = await db.read(
      "MATCH (p:Project {id: 'openai-chips'}) RETURN p.until AS until, p.amountUsd AS amount, toString(p.deadline) AS deadline",
    );
    expect(records[0]!.toObject()).toEqual({ until: null, amount: null, deadline: '2026-01-01' });
  });

  it('When any date is read, then it is a Neo4j date with a precision next to it', async () => {
    const { records } = await db.read(`
      CALL () {
        MATCH (n) RETURN properties(n) AS props, [v IN [n.since, n.until, n.deadline, n.statusAsOf, n.published] WHERE v IS NOT NULL | valueType(v)] AS types
        UNION ALL
        MATCH ()-[r]->() RETURN properties(r) AS props, [v IN [r.since, r.until, r.deadline, r.statusAsOf] WHERE v IS NOT NULL | valueType(v)] AS types
      }
      UNWIND ['since', 'until', 'deadline', 'statusAsOf', 'published'] AS field
      WITH props, types, field WHERE props[field] IS NOT NULL
      RETURN field, props[field + 'Precision'] AS precision, types`);
    expect(records.length).toBeGreaterThan(80);
    for (const record of records) {
      expect(['day', 'month', 'year', 'late-year'], record.get('field')).toContain(record.get('precision'));
      expect(new Set(record.get('types'))).toEqual(new Set(['DATE NOT NULL']));
    }
  });

  it('When the five documents are looked up, then each is a Source node with its language', async () => {
    const { records } = await db.read('MATCH (s:Source) RETURN s.id AS id, s.language AS language ORDER BY id');
    expect(records.map((r) => r.get('id'))).toHaveLength(5);
    expect(new Set(records.map((r) => r.get('language')))).toEqual(new Set(['fr']));
    expect((await node('004_7ad8b1a156c96548')).published.toString()).toBe('2025-06-22');
  });

  // A dozen facts, across all five documents, read back from the database.
  it('Fact (doc 000): Microsoft can take up to 20 % of OpenAI revenue until $92 billion', async () => {
    const share = await relationship('openai', 'SHARES_REVENUE_WITH', 'microsoft', "r.id = 'revenue-share-capped'");
    expect(share).toMatchObject({ percent: 20, revenueThresholdUsd: 92e9, qualifier: 'up to' });
  });

  it('Fact (docs 000, 001, 004): the stake figures are positions side by side, each dated and sourced, not a conflict', async () => {
    const { records } = await db.read(`
      MATCH (p:Position)-[:POSITION_ON]->(:Issue {id: 'issue-microsoft-stake'})
      RETURN p.id AS id, p.stance AS stance, p.percent AS percent, p.percentMin AS min, p.percentMax AS max,
             p.sources AS sources, toString(p.statusAsOf) AS asOf, p.disputes AS disputes,
             [(h)-[:HOLDS]->(p) | h.id] AS holders
      ORDER BY id`);
    expect(records.map((r) => r.toObject())).toEqual([
      {
        id: 'pos-microsoft-stake-001',
        stance: 'wants',
        percent: null,
        min: 30,
        max: 35,
        sources: ['001_33e582f0ea316fce'],
        asOf: null,
        disputes: null,
        holders: ['microsoft'],
      },
      {
        id: 'pos-openai-stake-offer-004',
        stance: 'offers',
        percent: 33,
        min: null,
        max: null,
        sources: ['004_7ad8b1a156c96548'],
        asOf: '2025-06-01',
        disputes: null,
        holders: ['openai'],
      },
      {
        id: 'pos-stake-range-000',
        stance: 'under discussion',
        percent: null,
        min: 20,
        max: 49,
        sources: ['000_4ad60acd83ff3f26'],
        asOf: null,
        disputes: null,
        holders: expect.arrayContaining(['microsoft', 'openai']),
      },
    ]);
  });

  it('Fact (docs 000, 002, 003 vs 004): total invested is $13 billion or about $14 billion, each cited', async () => {
    const thirteen = await relationship('microsoft', 'INVESTED_IN', 'openai', "r.id = 'microsoft-invested-13b'");
    expect(thirteen).toMatchObject({
      qualifier: 'more than',
      sources: ['000_4ad60acd83ff3f26', '003_42f3b6a20bd09641'],
    });
    const fourteen = await relationship('microsoft', 'INVESTED_IN', 'openai', 'r.amountUsd = 14e9');
    expect(fourteen).toMatchObject({ qualifier: 'about', sources: ['004_7ad8b1a156c96548'] });
  });

  it('Fact (doc 001): the current contract runs through 2030 (until is the first day after) or until AGI', async () => {
    const contract = await node('current-contract');
    const { records } = await db.read("MATCH (d:Deal {id: 'current-contract'}) RETURN toString(d.until) AS until");
    expect(records[0]!.get('until')).toBe('2031-01-01');
    expect(contract).toMatchObject({ untilPrecision: 'year', untilCondition: expect.stringContaining('AGI') });
    expect((await node('microsoft-openai-partnership')).until).toBeUndefined();
  });

  it('Fact (doc 002): OpenAI was valued at $300 billion in March 2025', async () => {
    expect(await node('openai-funding-round-2025')).toMatchObject({ valuationUsd: 300e9, since: '2025-03-01' });
  });

  it('Fact (doc 002): Brett Taylor, as 002 spells him, is searchable as "Bret" too', async () => {
    for (const name of ['Brett', 'Bret']) {
      const { records } = await db.read(
        "CALL db.index.fulltext.queryNodes('entity_search', $name) YIELD node RETURN node.id AS id",
        { name },
      );
      expect(records.map((r) => r.get('id'))).toContain('bret-taylor');
    }
  });

  it('Fact (doc 003): Microsoft received $493.8 million in 2024 and $865.8 million in Q1–Q3 2025', async () => {
    const paid2024 = await relationship(
      'openai',
      'PAID_REVENUE_SHARE_TO',
      'microsoft',
      "r.id = 'revenue-share-paid-2024'",
    );
    expect(paid2024).toMatchObject({ amountUsd: 493.8e6, since: '2024-01-01', until: '2025-01-01' });
    const paid2025 = await relationship(
      'openai',
      'PAID_REVENUE_SHARE_TO',
      'microsoft',
      "r.id = 'revenue-share-paid-2025'",
    );
    expect(paid2025.amountUsd).toBe(865.8e6);
  });

  it('Fact (doc 003): inference costs are projected at $8.65 billion for 2025', async () => {
    expect(await node('openai-inference-costs-2025')).toMatchObject({ amountUsd: 8.65e9, qualifier: 'projected' });
  });

  it('Fact (doc 004): the $1 billion investment was in July 2019 and the $10 billion one in January 2023', async () => {
    expect(await node('microsoft-investment-2019')).toMatchObject({ amountUsd: 1e9, since: '2019-01-01' });
    expect(await relationship('microsoft', 'ANNOUNCED', 'microsoft-investment-2019')).toMatchObject({
      since: '2019-07-01',
      sincePrecision: 'month',
    });
    expect(await node('microsoft-investment-2023')).toMatchObject({ amountUsd: 10e9, since: '2023-01-01' });
  });

  it('Fact (docs 002, 004): every deal and event has its parties; the investments link Microsoft and OpenAI', async () => {
    const { records } = await db.read(`
      MATCH (d) WHERE (d:Deal AND d.dealType <> 'contract clause' AND COUNT { (:Company|Person|Regulator)-[:PARTY_TO]->(d) } < 2)
                   OR (d:Event AND COUNT { (:Company|Person|Regulator)-[:INVOLVED]->(d) } < 1)
      RETURN d.id AS id`);
    expect(records.map((r) => r.get('id'))).toEqual([]);
    const instalments = await db.read(`
      MATCH (:Company {id: 'microsoft'})-[:PARTY_TO {role: 'investor'}]->(d:Deal)<-[:PARTY_TO {role: 'recipient'}]-(:Company {id: 'openai'})
      RETURN d.amountUsd AS amount ORDER BY amount`);
    expect(instalments.records.map((r) => r.get('amount'))).toEqual([1e9, 10e9]);
  });

  it('Fact (doc 004): the board observer seat ran from November 2023 and ended in July 2024', async () => {
    const seat = await relationship('microsoft', 'OBSERVER_ON_BOARD_OF', 'openai');
    expect(seat).toMatchObject({ since: '2023-11-01', until: '2024-08-01', untilPrecision: 'month', voting: false });
  });

  it('Fact (doc 004): 738 of 770 employees threatened to leave during the November 2023 crisis', async () => {
    expect(await node('altman-ouster-2023')).toMatchObject({ count: 738, outOf: 770, since: '2023-11-01' });
  });

  it('Fact (doc 004): Stargate partners are OpenAI, Oracle, SoftBank and MGX', async () => {
    const { records } = await db.read(
      "MATCH (c)-[:PARTNER_IN]->(:Project {id: 'stargate'}) RETURN c.id AS id ORDER BY id",
    );
    expect(records.map((r) => r.get('id'))).toEqual(['mgx', 'openai', 'oracle', 'softbank']);
  });

  it('Fact (doc 004): OpenAI wanted to buy Windsurf for $3 billion', async () => {
    const { records } = await db.read(
      "MATCH (:Company {id: 'openai'})-[p:PARTY_TO {role: 'acquirer'}]->(d:Deal)<-[:PARTY_TO {role: 'target'}]-(:Company {id: 'windsurf'}) RETURN d.amountUsd AS amount",
    );
    expect(records.map((r) => r.get('amount'))).toEqual([3e9]);
  });
});
