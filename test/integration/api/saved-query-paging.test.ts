import { afterAll, describe, expect, it } from 'vitest';
import { problem, useApi } from '../../support/api.js';
import { testStore } from '../../support/store.js';

// Single-user mode (no ENTENTE_AUTH): the caller is the local admin.
const context = useApi();
const api = () => context.api();
const store = testStore();

afterAll(() => store.rows("DELETE FROM saved_queries WHERE id LIKE 'test-paged-%'"));

/** Every page of a run, walked by `next`, with the rows of each. */
async function walk(id: string, params: Record<string, unknown>, limit: number) {
  const pages: { rows: unknown[][]; next?: string; truncated: boolean }[] = [];
  let cursor: string | undefined;
  do {
    const query = cursor === undefined ? { limit } : { limit, cursor };
    const { body } = await api().post(`/api/queries/${id}/run`).query(query).send({ params }).expect(200);
    pages.push({ rows: body.rows, next: body.next, truncated: body.meta.truncated });
    cursor = body.next;
    expect(pages.length).toBeLessThan(1000);
  } while (cursor !== undefined);
  return pages;
}

describe('saved-query results paged by cursor', () => {
  it('When a result larger than one page is walked by `next`, then every row comes exactly once, in order, and the last page has no `next`', async () => {
    await api()
      .post('/api/queries')
      .send({
        id: 'test-paged-range',
        name: 'A range',
        query: 'UNWIND range(1, $n) AS i RETURN i ORDER BY i',
        parameters: [{ name: 'n', type: 'number' }],
      })
      .expect(201);
    const pages = await walk('test-paged-range', { n: 1234 }, 100);
    expect(pages).toHaveLength(13);
    expect(pages.flatMap((page) => page.rows.map((row) => row[0]))).toEqual(
      Array.from({ length: 1234 }, (_, i) => i + 1),
    );
    expect(pages.slice(0, -1).every((page) => page.rows.length === 100 && page.truncated && page.next)).toBe(true);
    expect(pages.at(-1)).toMatchObject({ truncated: false, next: undefined });
    expect(pages.at(-1)!.rows).toHaveLength(34);

    // A page that ends exactly at the last row says no more follow.
    const exact = await walk('test-paged-range', { n: 300 }, 100);
    expect(exact.map((page) => page.rows.length)).toEqual([100, 100, 100]);
  });

  it('When the nodes of the graph are walked a few at a time, then the pages hold the whole result once', async () => {
    await api()
      .post('/api/queries')
      .send({ id: 'test-paged-nodes', name: 'All nodes', query: 'MATCH (n) RETURN n ORDER BY elementId(n)' })
      .expect(201);
    const whole = await api().post('/api/queries/test-paged-nodes/run').send({ params: {} }).expect(200);
    expect(whole.body.meta.truncated).toBe(false);
    expect(whole.body.next).toBeUndefined();
    const ids = whole.body.rows.map((row: { id: string }[]) => row[0]!.id);
    expect(ids.length).toBeGreaterThan(20);

    const pages = await walk('test-paged-nodes', {}, 7);
    const walked = pages.flatMap((page) => page.rows.map((row) => (row[0] as { id: string }).id));
    expect(walked).toEqual(ids);
    expect(new Set(walked).size).toBe(walked.length);
    // Each page's graph holds its own rows' nodes.
    const second = await api()
      .post('/api/queries/test-paged-nodes/run')
      .query({ limit: 7, cursor: pages[0]!.next })
      .send({ params: {} })
      .expect(200);
    expect(second.body.graph.nodes.map((node: { id: string }) => node.id).sort()).toEqual(ids.slice(7, 14).sort());
  });

  it('When a cursor is changed, or given with other parameters or to another query, then it is a 400 naming `cursor`', async () => {
    const first = await api()
      .post('/api/queries/test-paged-range/run')
      .query({ limit: 10 })
      .send({ params: { n: 50 } })
      .expect(200);
    const next = first.body.next as string;
    const refused = [
      await api()
        .post('/api/queries/test-paged-range/run')
        .query({ cursor: `${next}x` })
        .send({ params: { n: 50 } }),
      await api()
        .post('/api/queries/test-paged-range/run')
        .query({ cursor: next })
        .send({ params: { n: 51 } }),
      await api().post('/api/queries/test-paged-nodes/run').query({ cursor: next }).send({ params: {} }),
    ];
    for (const response of refused) {
      expect(response.status).toBe(400);
      expect(problem(response).detail).toMatch(/^query\.cursor/);
    }
    const badLimit = await api().post('/api/queries/test-paged-range/run').query({ limit: 0 }).send({ params: {} });
    expect(badLimit.status).toBe(400);
    expect(problem(badLimit).detail).toMatch(/limit/);
  });
});
