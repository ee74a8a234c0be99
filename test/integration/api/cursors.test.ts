import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { problem, useApi } from '../../support/api.js';
import { imported } from '../../support/imports.js';

// Single-user mode (no ENTENTE_AUTH): the caller is the local admin, who may edit, import and read the log.
const context = useApi();
const api = () => context.api();

const spokes = 5_000;
/** Hub relationships made beside the spokes, which the writer below deletes while the walk goes on. */
const churned = 1_000;
const hub = 'cursor-hub';

interface Page {
  edges: { id: string; source: string; target: string }[];
  meta: { total: number; truncated: boolean };
  next?: string;
}

async function neighbours(query: Record<string, string | number>): Promise<Page> {
  const response = await api().get(`/api/nodes/${hub}/neighbours`).query(query);
  expect(response.status, response.text).toBe(200);
  return response.body as Page;
}

/** Every page of a walk by `next`, with `between` run after each page. */
async function walk(query: Record<string, string | number>, between: () => Promise<void> = async () => {}) {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await neighbours({ ...query, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.next;
    expect(page.meta.truncated).toBe(cursor !== undefined);
    await between();
  } while (cursor);
  return pages;
}

function expectBadCursor(response: { status: number; text: string }) {
  expect(response.status, response.text).toBe(400);
  const body = problem(response as Parameters<typeof problem>[0]);
  expect(body.detail).toMatch(/query\.cursor/);
  expect(body.errors).toEqual([expect.objectContaining({ location: 'query.cursor' })]);
}

/** A cursor with one character of its position changed. */
const tampered = (cursor: string) => (cursor.startsWith('W') ? 'X' : 'W') + cursor.slice(1);

describe('Cursors: a walk by `next` returns every item once, even while others write', () => {
  beforeAll(async () => {
    await context.db.write('CREATE INDEX cursor_hub_id IF NOT EXISTS FOR (n:CursorHub) ON (n.id)');
    await context.db.write('CREATE (:CursorHub {id: $hub, name: "Cursor hub"})', { hub });
    // Spokes and churned relationships made in turn, so that their ids interleave through the walk's order.
    await context.db.write(
      `MATCH (hub:CursorHub {id: $hub})
       UNWIND range(0, $count - 1) AS i
       CREATE (hub)-[:CURSOR_SPOKE {churn: i % 6 = 5}]->(:CursorHub {id: 'cursor-leaf-' + i})`,
      { hub, count: neo4j.int(spokes + churned) },
    );
    await context.db.write('CALL db.awaitIndexes(60)');
    // The first answer of each query shape this file walks with waits for Neo4j to plan it (seconds on a busy
    // machine, longer than the server allows the first time): asked until answered, before the walks.
    for (const query of [{ order: 'id' }, { order: 'id', types: 'CURSOR_SPOKE' }]) {
      await vi.waitFor(
        async () => expect((await api().get(`/api/nodes/${hub}/neighbours`).query(query)).status).toBe(200),
        { timeout: 180_000, interval: 1000 },
      );
    }
  }, 240_000);

  afterAll(async () => {
    await context.db.write('MATCH (n:CursorHub) DETACH DELETE n');
    await context.db.write('DROP INDEX cursor_hub_id IF EXISTS');
  });

  it('When a 5,000-neighbour hub is paged by id while another client adds and removes relationships, then each relationship there throughout comes exactly once', async () => {
    const { records } = await context.db.read(
      'MATCH (:CursorHub {id: $hub})-[r:CURSOR_SPOKE {churn: false}]->() RETURN collect(elementId(r)) AS ids',
      { hub },
    );
    const throughout = new Set(records[0]!.get('ids') as string[]);
    expect(throughout.size).toBe(spokes);

    // The other client, in step with the walk: after each page, one round that adds a spoke to a new node and
    // one to a leaf already there (so a neighbour's degree changes), links two leaves, and deletes three
    // churned relationships.
    let rounds = 0;
    let pagesRead = 0;
    let stop = false;
    const writer = (async () => {
      for (let round = 0; ; round += 1) {
        await vi.waitFor(() => expect(stop || pagesRead > round).toBe(true), { timeout: 60_000, interval: 10 });
        if (stop) return;
        await context.db.write(
          `MATCH (hub:CursorHub {id: $hub})
           CREATE (hub)-[:CURSOR_SPOKE {churn: true}]->(:CursorHub {id: 'cursor-new-' + $round})
           WITH hub
           MATCH (leaf:CursorHub {id: 'cursor-leaf-' + $leaf}), (other:CursorHub {id: 'cursor-leaf-' + $other})
           CREATE (hub)-[:CURSOR_SPOKE {churn: true}]->(leaf), (leaf)-[:CURSOR_LINK]->(other)`,
          {
            hub,
            round: neo4j.int(round),
            leaf: neo4j.int((round * 7919) % spokes),
            other: neo4j.int((round * 104_729 + 13) % spokes),
          },
        );
        await context.db.write(
          `MATCH (:CursorHub {id: $hub})-[r:CURSOR_SPOKE {churn: true}]->()
           WITH r ORDER BY elementId(r) SKIP $skip LIMIT 3 DELETE r`,
          { hub, skip: neo4j.int((round * 37) % 500) },
        );
        rounds += 1;
      }
    })();

    let pages: Page[];
    try {
      pages = await walk({ order: 'id', limit: 250 }, async () => {
        pagesRead += 1;
        // Each page is read after one more round of writes than the page before.
        await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(pagesRead), { timeout: 60_000, interval: 10 });
      });
    } finally {
      stop = true;
      await writer;
    }
    expect(rounds).toBe(pages.length);

    const seen = new Map<string, number>();
    for (const edge of pages.flatMap((page) => page.edges)) seen.set(edge.id, (seen.get(edge.id) ?? 0) + 1);
    const missing = [...throughout].filter((id) => !seen.has(id));
    const twice = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
  }, 240_000);

  it('When a hub is paged most-connected first by cursor, then the pages join into the same order as one read of it all', async () => {
    await context.db.write("MATCH (n:CursorHub) WHERE n.id STARTS WITH 'cursor-new-' DETACH DELETE n");
    await context.db.write('MATCH (:CursorHub)-[r:CURSOR_LINK]->() DELETE r');
    await context.db.write('MATCH (:CursorHub)-[r:CURSOR_SPOKE {churn: true}]->() DELETE r');
    // A few neighbours with more relationships than the rest, and ties among those.
    await context.db.write(
      `UNWIND range(0, 39) AS i
       MATCH (leaf:CursorHub {id: 'cursor-leaf-' + (i * 101)}), (other:CursorHub {id: 'cursor-leaf-' + (i * 101 + 1)})
       CREATE (leaf)-[:CURSOR_LINK]->(other)
       WITH leaf, i WHERE i % 4 = 0
       MATCH (third:CursorHub {id: 'cursor-leaf-' + (i * 101 + 2)})
       CREATE (leaf)-[:CURSOR_LINK]->(third)`,
    );
    const whole: string[] = [];
    for (let skip = 0; skip < spokes; skip += 1000) {
      whole.push(...(await neighbours({ types: 'CURSOR_SPOKE', limit: 1000, skip })).edges.map((edge) => edge.id));
    }
    expect(whole).toHaveLength(spokes);
    const pages = await walk({ types: 'CURSOR_SPOKE', limit: 400 });
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.id))).toEqual(whole);
    expect(pages.at(-1)!.next).toBeUndefined();
    expect(pages).toHaveLength(Math.ceil(spokes / 400));
  }, 120_000);

  it('When a neighbours cursor is changed, given to other filters or another order, or is not one, then the answer is a 400 naming cursor', async () => {
    const first = await neighbours({ types: 'CURSOR_SPOKE', limit: 10 });
    expect(first.next).toBeDefined();
    const byId = await neighbours({ order: 'id', limit: 10 });
    expect((await neighbours({ types: 'CURSOR_SPOKE', limit: 10, cursor: first.next! })).edges).toHaveLength(10);
    for (const query of [
      { limit: 10, cursor: 'not-a-cursor' },
      { types: 'CURSOR_SPOKE', limit: 10, cursor: tampered(first.next!) },
      { types: 'CURSOR_SPOKE', limit: 10, cursor: `${first.next!}x` },
      { limit: 10, direction: 'in', cursor: first.next! },
      { types: 'CURSOR_SPOKE', limit: 10, cursor: byId.next! },
    ]) {
      expectBadCursor(await api().get(`/api/nodes/${hub}/neighbours`).query(query));
    }
    expectBadCursor(await api().get(`/api/nodes/cursor-leaf-0/neighbours`).query({ order: 'id', cursor: byId.next! }));
  });

  it('When a first page was asked with skip and its next is followed with the same query, then the pages run on without a gap', async () => {
    const ids = (page: Page) => page.edges.map((edge) => edge.id);
    const straight = await neighbours({ types: 'CURSOR_SPOKE', limit: 30 });
    const skipped = await neighbours({ types: 'CURSOR_SPOKE', limit: 10, skip: 10 });
    const after = await neighbours({ types: 'CURSOR_SPOKE', limit: 10, skip: 10, cursor: skipped.next! });
    expect([...ids(skipped), ...ids(after)]).toEqual(ids(straight).slice(10, 30));
  });

  it('When the page holds the last neighbours, then it has no next', async () => {
    const all = await neighbours({ direction: 'in' });
    expect(all.edges).toHaveLength(0);
    expect(all.next).toBeUndefined();
    const leaf = await api().get('/api/nodes/cursor-leaf-3/neighbours').query({ limit: 5 }).expect(200);
    expect(leaf.body.edges).toHaveLength(1);
    expect(leaf.body.next).toBeUndefined();
    expect(leaf.body.meta.truncated).toBe(false);
  });
});

describe('410 Gone for what Entente deleted', () => {
  const evidence = {
    claim: 'Stated in the cursor test.',
    sources: [{ url: 'https://example.org/cursors', title: 'Cursors', outlet: 'Example News', date: '2024-05' }],
  };

  afterAll(async () => {
    await context.db.write('MATCH (n:CursorGone) DETACH DELETE n');
  });

  async function created(name: string) {
    const response = await api()
      .post('/api/nodes')
      .send({ labels: ['Company', 'CursorGone'], properties: { name }, ...evidence });
    expect(response.status, response.text).toBe(201);
    return response.body as { node: { id: string }; version: number; edit: { id: number } };
  }

  it('When a node and a relationship were deleted through an edit, then reading them is a 410 that says when; an id never known is a 404', async () => {
    const a = await created('Gone Alpha');
    const b = await created('Gone Beta');
    const made = await api()
      .post('/api/relationships')
      .send({ type: 'INVESTED_IN', from: a.node.id, to: b.node.id, ...evidence });
    expect(made.status, made.text).toBe(201);
    const relationshipId = made.body.relationship.id as string;

    const before = Date.now();
    const gone = await api()
      .delete(`/api/relationships/${relationshipId}`)
      .send({ version: made.body.version, ...evidence })
      .expect(200);
    expect(gone.body.deleted).toBe(relationshipId);
    const relationship = await api().get(`/api/relationships/${relationshipId}`).expect(410);
    const saidRelationship = problem(relationship) as ReturnType<typeof problem> & { deletedAt: string };
    expect(saidRelationship.detail).toContain(
      `relationship "${relationshipId}" was deleted at ${saidRelationship.deletedAt}`,
    );
    expect(Date.parse(saidRelationship.deletedAt)).toBeGreaterThanOrEqual(before - 1000);

    await api()
      .delete(`/api/nodes/${a.node.id}`)
      .send({ version: a.version, ...evidence })
      .expect(200);
    for (const path of [`/api/nodes/${a.node.id}`, `/api/nodes/${a.node.id}/neighbours`]) {
      const node = await api().get(path).expect(410);
      const said = problem(node) as ReturnType<typeof problem> & { deletedAt: string };
      expect(said.type).toBe('/problems/gone');
      expect(said.detail).toContain(`node "${a.node.id}" was deleted at`);
      expect(Date.parse(said.deletedAt)).toBeGreaterThanOrEqual(Date.parse(saidRelationship.deletedAt));
    }

    expect(problem(await api().get('/api/nodes/cursor-never-was').expect(404)).detail).toContain('No node has');
    expect(problem(await api().get('/api/relationships/5:cursor:never').expect(404)).detail).toContain(
      'No relationship has',
    );
    await api().get(`/api/nodes/${b.node.id}`).expect(200);
  });
});

describe('Cursors on the store-backed lists: the audit log and imports', () => {
  it('When the audit log is paged by cursor, then the pages join into the newest-first log and the last has no next', async () => {
    const whole = (await api().get('/api/audit').query({ action: 'graph.', limit: 500 }).expect(200)).body as {
      entries: { id: number }[];
    };
    expect(whole.entries.length).toBeGreaterThanOrEqual(4);
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await api()
        .get('/api/audit')
        .query({ action: 'graph.', limit: 3, ...(cursor ? { cursor } : {}) })
        .expect(200);
      ids.push(...page.body.entries.map((entry: { id: number }) => entry.id));
      cursor = page.body.next;
    } while (cursor);
    expect(ids).toEqual(whole.entries.map((entry) => entry.id));

    const first = await api().get('/api/audit').query({ action: 'graph.', limit: 1 }).expect(200);
    expectBadCursor(await api().get('/api/audit').query({ action: 'user.', cursor: first.body.next }));
    expectBadCursor(
      await api()
        .get('/api/audit')
        .query({ action: 'graph.', cursor: tampered(first.body.next) }),
    );
    expectBadCursor(await api().get('/api/imports').query({ cursor: first.body.next }));
  });

  it('When imports are paged by cursor, then the pages join into the newest-first list and the last has no next', async () => {
    const mapping = { nodes: { labels: ['CursorImport'], id: 'id', caption: 'name' } };
    for (const name of ['one', 'two', 'three']) {
      await imported(context.app, `${name}.csv`, `id,name\n${name},Cursor ${name}`, { mapping, dryRun: true });
    }
    const whole = (await api().get('/api/imports').query({ limit: 500 }).expect(200)).body as {
      imports: { id: string }[];
      next?: string;
    };
    expect(whole.imports.length).toBeGreaterThanOrEqual(3);
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await api()
        .get('/api/imports')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      ids.push(...page.body.imports.map((job: { id: string }) => job.id));
      cursor = page.body.next;
      pages += 1;
    } while (cursor);
    expect(ids).toEqual(whole.imports.map((job) => job.id));
    expect(pages).toBe(Math.ceil(whole.imports.length / 2));
    expectBadCursor(await api().get('/api/imports').query({ cursor: 'bm90IGEgY3Vyc29y.AAAAAAAAAAAA' }));
  });
});

describe('Cursors on search', () => {
  interface Results {
    results: { id: string }[];
    next?: string;
  }
  const search = async (query: Record<string, string | number>) =>
    (await api().get('/api/search').query(query).expect(200)).body as Results;

  it('When a search with more results than a page is walked by cursor, then each result comes once, the first pages in the order one page of 30 gives', async () => {
    const firstThirty = (await search({ q: 'openai', limit: 30 })).results.map((result) => result.id);
    const upToHundred = (await search({ q: 'openai', limit: 100 })).results.map((result) => result.id);
    expect(upToHundred.length).toBeGreaterThan(30);
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ q: 'openai', limit: 7, ...(cursor ? { cursor } : {}) });
      walked.push(...page.results.map((result) => result.id));
      cursor = page.next;
    } while (cursor);
    expect(walked.slice(0, 30)).toEqual(firstThirty);
    expect(new Set(walked).size).toBe(walked.length);
    expect(upToHundred.filter((id) => !walked.includes(id))).toEqual([]);
    if (upToHundred.length < 100) expect(walked).toHaveLength(upToHundred.length);

    const first = await search({ q: 'openai', limit: 7 });
    expectBadCursor(await api().get('/api/search').query({ q: 'microsoft', cursor: first.next }));
    expectBadCursor(
      await api()
        .get('/api/search')
        .query({ q: 'openai', cursor: tampered(first.next!) }),
    );
    const all = await search({ q: 'openai', limit: 100 });
    expect(all.next).toBeUndefined();
  });
});
