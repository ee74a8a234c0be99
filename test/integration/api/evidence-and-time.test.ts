import { describe, expect, it } from 'vitest';
import { problem, useApi } from '../../support/api.js';

const context = useApi();
const api = () => context.api();

interface Version {
  kind: string;
  id: string;
  figures: Record<string, unknown>;
  qualifier: string | null;
  sources: string[];
}

describe('GET /api/disagreements on the default dataset', () => {
  it("When asked, then Microsoft's total investment is listed with each figure and its own sources", async () => {
    const { body } = await api().get('/api/disagreements').expect(200);
    const total = body.disagreements.find((group: { id: string }) => group.id === 'microsoft-total-investment');
    const amounts = total.versions.map((version: Version) => version.figures.amountUsd);
    expect(amounts).toEqual(expect.arrayContaining([13e9, 14e9]));
    for (const version of total.versions as Version[]) {
      expect(version.sources.length).toBeGreaterThan(0);
      expect(body.graph.edges.map((edge: { id: string }) => edge.id)).toContain(version.id);
    }
  });

  it('When asked, then the 2024 and 2025 revenue-share payments are not a disagreement (two periods)', async () => {
    const { body } = await api().get('/api/disagreements').expect(200);
    const ids = body.disagreements.flatMap((group: { versions: Version[] }) => group.versions.map((v) => v.id));
    expect(ids).not.toContain('revenue-share-paid-2024');
    expect(ids).not.toContain('revenue-share-paid-2025');
  });
});

describe('GET /api/changes', () => {
  it('When asked for 2023-06-01 to 2024-12-31, then the board observer seat is listed as ended, with its claim', async () => {
    const { body } = await api().get('/api/changes?from=2023-06-01&to=2024-12-31').expect(200);
    const seat = body.graph.edges.find((edge: { type: string }) => edge.type === 'OBSERVER_ON_BOARD_OF');
    expect(seat).toBeDefined();
    const changes = body.changes.filter((change: { id: string }) => change.id === seat.id);
    expect(changes.map((change: { change: string }) => change.change)).toEqual(['began', 'ended']);
    expect(changes[1]).toMatchObject({ kind: 'relationship', date: '2024-08-01' });
    expect(changes[1].claim).toMatch(/observer/);
    expect(changes[1].sources.length).toBeGreaterThan(0);
    const dates = body.changes.map((change: { date: string }) => change.date);
    expect(dates).toEqual([...dates].sort());
    for (const date of dates) expect(date > '2023-06-01' && date <= '2024-12-31').toBe(true);
    expect(body.graph.edges.map((edge: { type: string }) => edge.type)).not.toContain('MENTIONED_IN');
  });

  it('When to is not after from, then it is a 400 naming it', async () => {
    expect(problem(await api().get('/api/changes?from=2024-01-01&to=2024-01-01').expect(400)).detail).toMatch(
      /^query\.to/,
    );
  });
});

describe('GET /api/nodes/:id/timeline', () => {
  interface Edge {
    id: string;
    type: string;
    source: string;
    target: string;
    properties: Record<string, unknown>;
  }

  it('When OpenAI’s timeline is asked, then every dated relationship comes, oldest first, the crisis of November 2023 among them, with the nodes at the other ends', async () => {
    const { body } = await api().get('/api/nodes/openai/timeline').expect(200);
    const edges = body.edges as Edge[];
    const { records } = await context.db.read(
      `MATCH (:Company {id: 'openai'})-[r]-() WHERE r.since IS NOT NULL RETURN count(r) AS dated`,
    );
    expect(edges).toHaveLength(Number(records[0]!.get('dated')));
    expect(body.meta).toMatchObject({ centre: 'openai', total: edges.length, truncated: false });
    const starts = edges.map((edge) => String(edge.properties.since));
    expect(starts).toEqual([...starts].sort());
    const crisis = edges.find((edge) => edge.type === 'INVOLVED' && edge.target === 'altman-ouster-2023');
    expect(crisis).toMatchObject({ source: 'openai' });
    const ids = new Set(body.nodes.map((node: { id: string }) => node.id));
    for (const edge of edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
  });

  it('When a limit is given, then the oldest come and the answer says more were cut off', async () => {
    const { body } = await api().get('/api/nodes/openai/timeline?limit=3').expect(200);
    expect(body.edges).toHaveLength(3);
    expect(body.meta.truncated).toBe(true);
    expect(body.meta.total).toBeGreaterThan(3);
  });

  it('When no node has the id, then the answer is 404', async () => {
    expect(problem(await api().get('/api/nodes/no-such-node/timeline').expect(404)).status).toBe(404);
  });
});
