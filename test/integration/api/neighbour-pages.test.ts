import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/api.js';
import { homeTypes, pageSize } from '../../../client/src/app/dataset.js';
import { nextPage } from '../../../client/src/explore/nextPage.js';
import { useApi } from '../../support/api.js';

const context = useApi();

/** The document "OpenAI et Microsoft", which 55 nodes are MENTIONED_IN. */
const document = '004_7ad8b1a156c96548';

describe("The explorer's expansion pages reach every neighbour, and the count it says is the count drawn", () => {
  const fetcher = (id: string, query: string) => async (cursor: string | undefined, limit: number) =>
    (
      await context
        .api()
        .get(`/api/nodes/${id}/neighbours?${query}&limit=${limit}`)
        .query(cursor ? { cursor } : {})
        .expect(200)
    ).body as Graph & { next?: string };

  /** Expands until the expansion says all are drawn; each step's new relationships and its count. */
  async function expandToTheEnd(id: string, query: string, drawnAtFirst: string[]) {
    const everything = await fetcher(id, query)(undefined, 1000);
    const ofExpansion = new Set(everything.edges.map((edge) => edge.id));
    const drawn = new Set(drawnAtFirst);
    const steps: { added: number; said: number; total: number }[] = [];
    for (let step = 0; step < 10; step += 1) {
      const page = await nextPage(
        fetcher(id, query),
        (edgeId) => drawn.has(edgeId),
        [...drawn].filter((edgeId) => ofExpansion.has(edgeId)).length,
        25,
      );
      for (const edge of page.graph.edges) {
        expect(drawn.has(edge.id), `${edge.id} is drawn already`).toBe(false);
        drawn.add(edge.id);
      }
      const onCanvas = [...drawn].filter((edgeId) => ofExpansion.has(edgeId)).length;
      expect(page.drawnAfter).toBe(onCanvas);
      steps.push({ added: page.graph.edges.length, said: page.drawnAfter, total: page.total });
      if (page.drawnAfter === page.total) break;
    }
    return { steps, missing: [...ofExpansion].filter((edgeId) => !drawn.has(edgeId)), all: everything.edges };
  }

  it('When some of a document’s mentions are drawn already (by a search or a path), then each expansion brings 25 new ones until all are drawn', async () => {
    const query = 'types=MENTIONED_IN&direction=in';
    const order = (await fetcher(document, query)(undefined, 1000)).edges.map((edge) => edge.id);
    expect(order.length).toBeGreaterThan(50);
    // Nine drawn beforehand, spread through the degree order: skipping by the count drawn passes over others.
    const drawnAtFirst = order.filter((_, index) => index % 6 === 3);
    const { steps, missing } = await expandToTheEnd(document, query, drawnAtFirst);
    expect(missing).toEqual([]);
    const expected: number[] = [];
    for (let onCanvas = drawnAtFirst.length; onCanvas < order.length;) {
      onCanvas = Math.min(onCanvas + 25, order.length);
      expected.push(onCanvas);
    }
    expect(steps.map((step) => step.said)).toEqual(expected);
    expect(steps.map((step) => step.added)).toEqual(
      expected.map((onCanvas, index) => onCanvas - (index ? expected[index - 1]! : drawnAtFirst.length)),
    );
  });

  it('When OpenAI, drawn by the opening view, is expanded by double-click again and again, then each time brings neighbours not yet drawn', async () => {
    // The home view draws a page of OpenAI's relationships of the home view's types.
    const opening = await fetcher('openai', `types=${homeTypes.join(',')}`)(undefined, pageSize);
    const { steps, missing, all } = await expandToTheEnd(
      'openai',
      'direction=both',
      opening.edges.map((edge) => edge.id),
    );
    expect(missing).toEqual([]);
    expect(steps.at(-1)!.said).toBe(all.length);
    expect(steps.slice(0, -1).every((step) => step.added === 25)).toBe(true);
    expect(steps).toHaveLength(Math.ceil((all.length - opening.edges.length) / 25));
  });
});
