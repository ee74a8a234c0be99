import neo4j, { isDate, isDateTime, isDuration, isInt, isPoint } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { backupStore, restoreStore } from '../../../server/store/backup.js';
import { migrate } from '../../../server/store/migrate.js';
import { Store } from '../../../server/store/store.js';
import { problem, useApi } from '../../support/api.js';
import { testApp } from '../../support/app.js';
import { fingerprint } from '../../../shared/fingerprint.js';
import { emptyStoreUrl, testStore } from '../../support/store.js';

// Single-user mode (no ENTENTE_AUTH): the caller is the local admin; roles are in roles.test.ts.
const context = useApi();
const api = () => context.api();
const store = testStore();

/** Every node this file makes carries this label too, so that it is removed afterwards whatever happened. */
const testLabel = 'EditingTest';
const url = {
  url: 'https://example.org/news/acme',
  title: 'Acme and Beta sign a deal',
  outlet: 'Example News',
  date: '2024-05',
};
const evidence = { claim: 'Stated in the test document.', sources: [url] };

afterAll(async () => {
  await context.db.write(`MATCH (n:${testLabel}) DETACH DELETE n`);
  await context.db.write(
    "MATCH (s:Source) WHERE s.id STARTS WITH 'src-' AND s._entente_lastEdit IS NOT NULL DETACH DELETE s",
  );
});

async function createNode(name: string, properties: Record<string, unknown> = {}, labels = ['Company']) {
  const response = await api()
    .post('/api/nodes')
    .send({ labels: [...labels, testLabel], properties: { name, ...properties }, ...evidence });
  expect(response.status, response.text).toBe(201);
  return response.body as {
    node: { id: string; properties: Record<string, unknown> };
    version: number;
    edit: { id: number };
  };
}

async function createRelationship(from: string, to: string, body: Record<string, unknown> = {}) {
  const response = await api()
    .post('/api/relationships')
    .send({ type: 'INVESTED_IN', from, to, ...evidence, ...body });
  expect(response.status, response.text).toBe(201);
  return response.body as {
    relationship: { id: string; properties: Record<string, unknown> };
    version: number;
    edit: { id: number };
  };
}

async function storedNode(id: string) {
  const { records } = await context.db.read('MATCH (n {id: $id}) RETURN n', { id });
  return records[0]?.get('n') as { properties: Record<string, unknown>; labels: string[] } | undefined;
}

const everyType = {
  founded: { type: 'date', value: '2019-07-22' },
  checkedAt: { type: 'datetime', value: '2024-05-01T10:15:30.123+02:00' },
  term: { type: 'duration', value: 'P1Y2M3DT4H' },
  bigCount: { type: 'integer', value: '9007199254740993' },
  small: 42,
  ratio: 0.25,
  wholeFloat: { type: 'float', value: '2' },
  listed: true,
  tickers: ['ACME', 'ACM'],
  rounds: [1, 2, 3],
  dates: [
    { type: 'date', value: '2020-01-01' },
    { type: 'date', value: '2021-06-30' },
  ],
  place: { type: 'point', value: { srid: 4326, x: 2.35, y: 48.85 } },
};

describe('creating and changing nodes', () => {
  it('When a node is made with values of every Neo4j type and then edited, then every value keeps its type and the id round-trips', async () => {
    const { node, version } = await createNode('Typed Things Ltd', everyType);
    expect(version).toBe(1);
    expect(
      (
        await api()
          .get(`/api/nodes/${encodeURIComponent(node.id)}`)
          .expect(200)
      ).body.node.id,
    ).toBe(node.id);

    const check = async () => {
      const stored = (await storedNode(node.id))!.properties;
      expect(isDate(stored.founded)).toBe(true);
      expect(String(stored.founded)).toBe('2019-07-22');
      expect(isDateTime(stored.checkedAt)).toBe(true);
      expect(isDuration(stored.term)).toBe(true);
      expect(isInt(stored.bigCount) && stored.bigCount.toString()).toBe('9007199254740993');
      expect(isInt(stored.small)).toBe(true);
      expect(stored.ratio).toBe(0.25);
      expect(typeof stored.wholeFloat === 'number' && stored.wholeFloat).toBe(2);
      expect(stored.listed).toBe(true);
      expect(stored.tickers).toEqual(['ACME', 'ACM']);
      expect((stored.rounds as unknown[]).every(isInt)).toBe(true);
      expect((stored.dates as unknown[]).every(isDate)).toBe(true);
      expect(isPoint(stored.place)).toBe(true);
      return stored;
    };
    await check();

    const edited = await api()
      .patch(`/api/nodes/${node.id}`)
      .send({
        version: 1,
        properties: { small: 43, bigCount: { type: 'integer', value: '9223372036854775807' } },
        ...evidence,
      })
      .expect(200);
    expect(edited.body.version).toBe(2);
    // The edited integer is exact at the top of the 64-bit range; the others are untouched.
    const after = (await storedNode(node.id))!.properties;
    expect(String(after.bigCount)).toBe('9223372036854775807');
    expect(isDate(after.founded)).toBe(true);
    expect(isDuration(after.term) && isPoint(after.place)).toBe(true);
    // The history holds the typed values before and after.
    const { body: history } = await api().get(`/api/nodes/${node.id}/history`).expect(200);
    expect(history.version).toBe(2);
    expect(history.edits[0].before.properties.bigCount).toEqual({ type: 'integer', value: '9007199254740993' });
    expect(history.edits[0].after.properties.bigCount).toEqual({ type: 'integer', value: '9223372036854775807' });
    // The first test of the file also pays for warming up (catalog, dataset model): slow on a busy machine.
  }, 60_000);

  it('When an edit changes nothing, then nothing is written, not even the version', async () => {
    const { node } = await createNode('Unchanged Corp', { employees: 10 });
    const { body } = await api()
      .patch(`/api/nodes/${node.id}`)
      .send({ version: 1, properties: { employees: 10 }, ...evidence })
      .expect(200);
    expect(body.edit).toBeNull();
    expect(body.version).toBe(1);
    expect(neo4j.integer.toNumber((await storedNode(node.id))!.properties._entente_version as number)).toBe(1);
  });

  it('When a node never edited is changed, then only the edited property, the claim and sources of the model and the bookkeeping are written', async () => {
    // A node as someone else's data has it: written outside Entente.
    await context.db.write(
      `CREATE (:${testLabel}:Company {id: 'plain-company', name: 'Plain Company', founded: date('2000-01-01')})`,
    );
    const before = (await storedNode('plain-company'))!;
    const { body } = await api()
      .patch('/api/nodes/plain-company')
      .send({ version: 0, properties: { headcountNote: 'test' }, ...evidence })
      .expect(200);
    const after = (await storedNode('plain-company'))!;
    const added = Object.keys(after.properties).filter((key) => !(key in before.properties));
    // The default dataset's model: the claim and the sources that state it sit on the record itself.
    expect(added.sort()).toEqual([
      '_entente_id',
      '_entente_lastEdit',
      '_entente_version',
      'claim',
      'headcountNote',
      'sources',
    ]);
    await api().post(`/api/edits/${body.edit.id}/revert`).expect(200);
    const reverted = (await storedNode('plain-company'))!.properties;
    expect(
      Object.keys(reverted)
        .filter((key) => !key.startsWith('_entente'))
        .sort(),
    ).toEqual(Object.keys(before.properties).sort());
  });
});

describe('bad input', () => {
  it('When the claim or the sources are missing, then a 400 names the missing field', async () => {
    const base = { labels: [testLabel], properties: { name: 'X' } };
    const noClaim = problem(
      await api()
        .post('/api/nodes')
        .send({ ...base, sources: [url] })
        .expect(400),
    );
    expect(noClaim.detail).toMatch(/^body\.claim/);
    const noSources = problem(
      await api()
        .post('/api/nodes')
        .send({ ...base, claim: 'c' })
        .expect(400),
    );
    expect(noSources.detail).toMatch(/^body\.sources/);
    const emptySources = problem(
      await api()
        .post('/api/nodes')
        .send({ ...base, claim: 'c', sources: [] })
        .expect(400),
    );
    expect(emptySources.detail).toMatch(/^body\.sources: at least one source/);
    const blankClaim = problem(
      await api()
        .patch('/api/nodes/openai')
        .send({ version: 0, properties: {}, claim: ' ', sources: [url] })
        .expect(400),
    );
    expect(blankClaim.detail).toMatch(/^body\.claim/);
    const unknownSource = problem(
      await api()
        .post('/api/nodes')
        .send({ ...base, claim: 'c', sources: [{ id: 'no-such-document' }] })
        .expect(400),
    );
    expect(unknownSource.detail).toMatch(/^sources\.0\.id/);
    const noVersion = problem(
      await api()
        .patch('/api/nodes/openai')
        .send({ properties: {}, ...evidence })
        .expect(400),
    );
    expect(noVersion.detail).toMatch(/^body\.version/);
  });

  it('When labels, types or keys are neither the database’s nor plain names, then a 400 names them and nothing is written', async () => {
    const hostile = 'Company`) DETACH DELETE (n';
    const label = problem(
      await api()
        .post('/api/nodes')
        .send({ labels: [hostile], properties: {}, ...evidence })
        .expect(400),
    );
    expect(label.detail).toMatch(/^labels\.0/);
    const type = problem(
      await api()
        .post('/api/relationships')
        .send({ type: 'X`]->() DELETE r//', from: 'microsoft', to: 'openai', ...evidence })
        .expect(400),
    );
    expect(type.detail).toMatch(/^type/);
    const key = problem(
      await api()
        .patch('/api/nodes/openai')
        .send({ version: 0, properties: { 'name` = 1 DELETE n//': 'x' }, ...evidence })
        .expect(400),
    );
    expect(key.detail).toMatch(/^properties\./);
    const reserved = problem(
      await api()
        .patch('/api/nodes/openai')
        .send({ version: 0, properties: { _entente_version: 7 }, ...evidence })
        .expect(400),
    );
    expect(reserved.detail).toMatch(/_entente/);
    const badDate = problem(
      await api()
        .patch('/api/nodes/openai')
        .send({ version: 0, properties: { founded: { type: 'date', value: '2024-13-45' } }, ...evidence })
        .expect(400),
    );
    expect(badDate.detail).toMatch(/^properties/);
    expect((await storedNode('openai'))!.properties._entente_version).toBeUndefined();
    expect(
      (await context.db.read('MATCH (n) WHERE n.name = $name RETURN count(n) AS c', { name: hostile })).records[0]!.get(
        'c',
      ).toNumber(),
    ).toBe(0);
  });

  it('When a new label or key is a plain name, then it is made (escaped as any name)', async () => {
    const { node } = await createNode('New Kind Inc', { brandNewKey: 'yes' }, ['BrandNewKind']);
    const stored = (await storedNode(node.id))!;
    expect(stored.labels).toContain('BrandNewKind');
    expect(stored.properties.brandNewKey).toBe('yes');
  });
});

describe('races', () => {
  it('When two editors change the same relationship at one version, then exactly one wins and the other gets 409', async () => {
    const a = await createNode('Race Alpha');
    const b = await createNode('Race Beta');
    const { relationship } = await createRelationship(a.node.id, b.node.id, { properties: { note: 'first' } });
    const attempts = await Promise.all(
      ['from editor one', 'from editor two', 'from editor three'].map((note) =>
        api()
          .patch(`/api/relationships/${relationship.id}`)
          .send({ version: 1, properties: { note }, ...evidence }),
      ),
    );
    const statuses = attempts.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    const loser = attempts.find((response) => response.status === 409)!;
    expect(problem(loser).type).toBe('/problems/stale-version');
    const winner = attempts.find((response) => response.status === 200)!;
    const { body: history } = await api().get(`/api/relationships/${relationship.id}/history`).expect(200);
    expect(history.edits.map((edit: { action: string }) => edit.action)).toEqual([
      'relationship.update',
      'relationship.create',
    ]);
    expect(history.edits[0].after.properties.note).toBe(winner.body.relationship.properties.note);
    expect(history.version).toBe(2);

    // Deleted at the version read, then reverted: the relationship is back and its history reads on.
    await api()
      .delete(`/api/relationships/${relationship.id}`)
      .send({ version: 1, ...evidence })
      .expect(409);
    const deleted = await api()
      .delete(`/api/relationships/${relationship.id}`)
      .send({ version: 2, ...evidence })
      .expect(200);
    await api().post(`/api/edits/${deleted.body.edit.id}/revert`).expect(200);
    const { body: after } = await api().get(`/api/relationships/${relationship.id}/history`).expect(200);
    expect(after.edits.map((edit: { action: string }) => edit.action)).toEqual([
      'revert',
      'relationship.delete',
      'relationship.update',
      'relationship.create',
    ]);
    expect(after.version).toBe(2);
  });
});

describe('evidence, time and disagreements take edits in', () => {
  it('When a relationship is added with a URL source and a date, then its Source document, the timeline and what changed show it', async () => {
    const a = await createNode('Dated Alpha');
    const b = await createNode('Dated Beta');
    const { relationship } = await createRelationship(a.node.id, b.node.id, {
      since: '2024-05',
      properties: { amountUsd: 1_000_000 },
    });
    expect(relationship.properties.since).toBe('2024-05-01');
    expect(relationship.properties.sincePrecision).toBe('month');
    const sourceId = (relationship.properties.sources as string[])[0]!;
    const source = (await api().get(`/api/nodes/${sourceId}`).expect(200)).body.node;
    expect(source.properties).toMatchObject({
      url: url.url,
      title: url.title,
      outlet: url.outlet,
      published: '2024-05-01',
    });
    const { body: changes } = await api().get('/api/changes?from=2024-04-01&to=2024-06-30').expect(200);
    expect(JSON.stringify(changes)).toContain(relationship.id);
    const { body: timeline } = await api().get(`/api/nodes/${a.node.id}/timeline`).expect(200);
    expect(timeline.edges.map((edge: { id: string }) => edge.id)).toContain(relationship.id);
  });

  it('When a sourced figure is stated differently by another source, then it joins a disagreement group as a new version', async () => {
    const a = await createNode('Figure Alpha');
    const b = await createNode('Figure Beta');
    const { relationship } = await createRelationship(a.node.id, b.node.id, {
      properties: { amountUsd: 13_000_000_000 },
    });
    const other = { title: 'Another account', text: 'Alpha put about 14 billion dollars into Beta.', date: '2025' };
    const { body } = await api()
      .patch(`/api/relationships/${relationship.id}`)
      .send({ version: 1, properties: { amountUsd: 14_000_000_000 }, claim: 'About $14 billion.', sources: [other] })
      .expect(200);
    expect(body.disagreement).toBe(relationship.id);
    expect(body.relationship.id).not.toBe(relationship.id);
    const { body: disagreements } = await api().get('/api/disagreements').expect(200);
    const group = JSON.stringify(disagreements);
    expect(group).toContain(relationship.id);
    expect(group).toContain(body.relationship.id);
    // The old figure is untouched.
    const { body: old } = await api().get(`/api/relationships/${relationship.id}/history`).expect(200);
    expect(old.version).toBe(1);
    // The old one joined the group by that edit: un-making it is refused while the new version stands.
    const made = old.edits.at(-1).id as number;
    const refused = problem(await api().post(`/api/edits/${made}/revert`).expect(409));
    expect(refused.type).toBe('/problems/later-change');
    expect(refused.detail).toContain(`edit ${body.edit.id}`);
    // Reverting the new version removes it and the group it made.
    await api().post(`/api/edits/${body.edit.id}/revert`).expect(200);
    expect(JSON.stringify((await api().get('/api/disagreements').expect(200)).body)).not.toContain(relationship.id);
  });
});

describe('history and revert', () => {
  it('When an edit is reverted, then the values come back exactly; a change a later one depends on is refused, naming it', async () => {
    const { node } = await createNode('Revert Corp', { founded: { type: 'date', value: '2001-01-01' } });
    const first = await api()
      .patch(`/api/nodes/${node.id}`)
      .send({ version: 1, properties: { founded: { type: 'date', value: '2002-02-02' } }, ...evidence })
      .expect(200);
    const second = await api()
      .patch(`/api/nodes/${node.id}`)
      .send({ version: 2, properties: { employees: 5 }, ...evidence })
      .expect(200);
    const refused = problem(await api().post(`/api/edits/${first.body.edit.id}/revert`).expect(409));
    expect(refused.type).toBe('/problems/later-change');
    expect(refused.detail).toContain(`edit ${second.body.edit.id}`);
    await api().post(`/api/edits/${second.body.edit.id}/revert`).expect(200);
    await api().post(`/api/edits/${first.body.edit.id}/revert`).expect(200);
    const stored = (await storedNode(node.id))!.properties;
    expect(isDate(stored.founded) && String(stored.founded)).toBe('2001-01-01');
    expect(stored.employees).toBeUndefined();
    const { body: history } = await api().get(`/api/nodes/${node.id}/history`).expect(200);
    expect(history.edits.map((edit: { action: string }) => edit.action)).toEqual([
      'revert',
      'revert',
      'node.update',
      'node.update',
      'node.create',
    ]);
    expect(history.edits[2].revertedBy).toBe(history.edits[1].id);
  });

  it('When a deleted node is reverted, then it comes back with its relationships and its history follows it', async () => {
    const a = await createNode('Deleted Alpha', { tickers: ['DA'] });
    const b = await createNode('Deleted Beta');
    const { relationship } = await createRelationship(a.node.id, b.node.id);
    const stale = await api()
      .delete(`/api/nodes/${a.node.id}`)
      .send({ version: 0, ...evidence })
      .expect(409);
    expect(problem(stale).type).toBe('/problems/stale-version');
    const deleted = await api()
      .delete(`/api/nodes/${a.node.id}`)
      .send({ version: 1, ...evidence })
      .expect(200);
    await api().get(`/api/nodes/${a.node.id}`).expect(410);
    await api().post(`/api/edits/${deleted.body.edit.id}/revert`).expect(200);
    const back = (await storedNode(a.node.id))!;
    expect(back.properties.tickers).toEqual(['DA']);
    const { body: history } = await api().get(`/api/relationships/${relationship.id}/history`).expect(200);
    expect(history.version).toBe(1);
    const { body: nodeHistory } = await api().get(`/api/nodes/${a.node.id}/history`).expect(200);
    expect(nodeHistory.edits.map((edit: { action: string }) => edit.action)).toEqual([
      'revert',
      'node.delete',
      'node.create',
    ]);

    // Un-creating a node: refused while a relationship made later stands on it, then done once that is reverted
    // (edits name what they touch by `_entente_id`, not by the elementIds Neo4j reuses after the delete above).
    const created = await api()
      .get(`/api/nodes/${b.node.id}/history`)
      .expect(200)
      .then((response) => (response.body as { edits: { id: number }[] }).edits.at(-1)!.id);
    const refused = problem(await api().post(`/api/edits/${created}/revert`).expect(409));
    expect(refused.type).toBe('/problems/later-change');
    const { body: relationshipHistory } = await api().get(`/api/relationships/${relationship.id}/history`).expect(200);
    expect(relationshipHistory.edits[0].action).toBe('relationship.create');
    await api().post(`/api/edits/${relationshipHistory.edits[0].id}/revert`).expect(200);
    await api().post(`/api/edits/${created}/revert`).expect(200);
    await api().get(`/api/nodes/${b.node.id}`).expect(410);
    await api().get(`/api/relationships/${relationship.id}/history`).expect(200);
  });

  it('When an edit is written, then the audit log holds it in the same unit of work', async () => {
    const { node, edit } = await createNode('Audited Corp');
    const rows = await store.rows<{ action: string; after: { editId: number; claim: string } }>(
      'SELECT action, after FROM audit_log WHERE target_id = $1 ORDER BY id',
      [node.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['graph.node.create']);
    expect(rows[0]!.after.editId).toBe(edit.id);
    expect(rows[0]!.after.claim).toBe(evidence.claim);
  });

  it('When the graph write fails, then neither the history nor the audit log keeps the edit', async () => {
    const { node } = await createNode('Failing Corp');
    const before = await store.rows('SELECT count(*)::int AS n FROM graph_edits');
    // A date Neo4j cannot read fails inside the graph transaction, after the store's rows were begun.
    await api()
      .patch(`/api/nodes/${node.id}`)
      .send({ version: 1, properties: { founded: { type: 'date', value: '2024-02-30' } }, ...evidence })
      .expect(400);
    expect(await store.rows('SELECT count(*)::int AS n FROM graph_edits')).toEqual(before);
    expect(neo4j.integer.toNumber((await storedNode(node.id))!.properties._entente_version as number)).toBe(1);
  });
});

describe('duplicates and merges', () => {
  it('When two companies differ only by accents, case, suffix and word order, then they are suggested with the reason', async () => {
    const one = await createNode('Zéphyr Widgets, Inc.');
    const two = await createNode('WIDGETS ZEPHYR');
    const { body } = await api().get('/api/duplicates').expect(200);
    const suggestion = body.suggestions.find((entry: { nodes: { id: string }[] }) =>
      entry.nodes.some((node) => node.id === one.node.id),
    );
    expect(suggestion.nodes.map((node: { id: string }) => node.id).sort()).toEqual([one.node.id, two.node.id].sort());
    expect(suggestion.reasons.join(' ')).toMatch(/Same name once accents, case, legal suffixes and word order/);
  });

  it('When a node is merged into another and the merge undone, then relationships move and both nodes come back exactly', async () => {
    const keep = await createNode('Merge Keep SA', { employees: 10, aliases: ['MK'] });
    const merge = await createNode('merge keep', { employees: 12, founded: { type: 'date', value: '1999-01-01' } });
    const other = await createNode('Merge Partner');
    await createRelationship(merge.node.id, other.node.id);
    await createRelationship(other.node.id, merge.node.id, { type: 'PARTNER_OF' });
    const keepBefore = (await storedNode(keep.node.id))!;
    const mergeBefore = (await storedNode(merge.node.id))!;

    const self = problem(
      await api()
        .post('/api/merges')
        .send({ keep: keep.node.id, merge: keep.node.id, ...evidence })
        .expect(400),
    );
    expect(self.detail).toMatch(/^merge/);

    const { body: merged } = await api()
      .post('/api/merges')
      .send({ keep: keep.node.id, merge: merge.node.id, ...evidence })
      .expect(201);
    const gone = await api().get(`/api/nodes/${merge.node.id}`).expect(410);
    expect(gone.body.mergedInto).toBe(keep.node.id);
    const after = (await storedNode(keep.node.id))!.properties;
    expect(neo4j.integer.toNumber(after.employees as number)).toBe(10);
    expect(isDate(after.founded)).toBe(true);
    expect(JSON.parse(after._entente_mergedFrom as string)[0].properties.employees).toBe(12);
    expect(after.aliases).toEqual(['MK', 'merge keep']);
    const { body: menu } = await api().get(`/api/nodes/${keep.node.id}/relationships`).expect(200);
    expect(menu.relationships.map((entry: { type: string }) => entry.type).sort()).toEqual(
      expect.arrayContaining(['INVESTED_IN', 'PARTNER_OF']),
    );

    const { body: undone } = await api().post(`/api/merges/${merged.merge}/undo`).expect(200);
    expect(undone.restored.id).toBe(merge.node.id);
    const keepAfter = (await storedNode(keep.node.id))!;
    const mergeAfter = (await storedNode(merge.node.id))!;
    expect(keepAfter.labels.sort()).toEqual(keepBefore.labels.sort());
    // Exactly, but for the bookkeeping that names the undo as the kept node's last edit.
    const { _entente_lastEdit: _undo, ...keepRestored } = keepAfter.properties;
    const { _entente_lastEdit: _merge, ...keepOriginal } = keepBefore.properties;
    expect(keepRestored).toEqual(keepOriginal);
    expect(mergeAfter.labels.sort()).toEqual(mergeBefore.labels.sort());
    expect(mergeAfter.properties).toEqual(mergeBefore.properties);
    const { body: mergeMenu } = await api().get(`/api/nodes/${merge.node.id}/relationships`).expect(200);
    expect(mergeMenu.relationships.filter((entry: { type: string }) => entry.type !== 'MENTIONED_IN')).toHaveLength(2);
    const { body: keepMenu } = await api().get(`/api/nodes/${keep.node.id}/relationships`).expect(200);
    expect(keepMenu.relationships.filter((entry: { type: string }) => entry.type !== 'MENTIONED_IN')).toHaveLength(0);
    problem(await api().post(`/api/merges/${merged.merge}/undo`).expect(409));
    const { body: history } = await api().get(`/api/nodes/${keep.node.id}/history`).expect(200);
    expect(history.edits.map((edit: { action: string }) => edit.action)).toEqual([
      'merge.undo',
      'merge',
      'node.create',
    ]);
  });
});

describe('merges and investigations', () => {
  const viewOf = (ids: string[], extra: Record<string, unknown> = {}) => ({
    ids,
    edges: [] as string[],
    positions: Object.fromEntries(ids.map((id, index) => [id, { x: index * 100, y: index * 10 }])),
    hiddenLabels: [],
    hiddenTypes: [],
    layout: 'fcose',
    ...extra,
  });
  const saved = async (title: string, view: ReturnType<typeof viewOf>) =>
    (await api().post('/api/investigations').send({ title, view }).expect(201)).body as { id: string };
  const opened = async (id: string) =>
    (await api().get(`/api/investigations/${id}`).expect(200)).body as {
      version: number;
      view: ReturnType<typeof viewOf> & { fingerprints?: string[]; selected?: { kind: string; id: string } };
    };

  it('When two nodes an investigation holds are merged, then it points to the kept node, and the undo points it back', async () => {
    const keep = await createNode('Holder Keep Ltd');
    const merge = await createNode('holder keep');
    const other = await createNode('Holder Partner');
    const { relationship } = await createRelationship(merge.node.id, other.node.id);
    // One canvas holds only the merged node (selected, noted, with the relationship); another holds both.
    const only = await saved(
      'Holds the merged node',
      viewOf([merge.node.id, other.node.id], {
        edges: [relationship.id],
        fingerprints: [fingerprint('holder keep'), fingerprint('Holder Partner')],
        selected: { kind: 'node', id: merge.node.id },
      }),
    );
    const both = await saved('Holds both', viewOf([keep.node.id, merge.node.id]));
    const unrelated = await saved('Holds neither', viewOf([other.node.id]));
    const note = await api()
      .post(`/api/investigations/${only.id}/annotations`)
      .send({ target: { kind: 'node', id: merge.node.id }, text: 'The same company?' })
      .expect(201);
    const before = await opened(only.id);

    const { body: merged } = await api()
      .post('/api/merges')
      .send({ keep: keep.node.id, merge: merge.node.id, ...evidence })
      .expect(201);
    const after = await opened(only.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.view.ids).toEqual([keep.node.id, other.node.id]);
    expect(after.view.positions[keep.node.id]).toEqual(before.view.positions[merge.node.id]);
    expect(after.view.positions[merge.node.id]).toBeUndefined();
    // The kept node's caption, so the explorer does not take it for another node under a reused id.
    expect(after.view.fingerprints).toEqual([fingerprint('Holder Keep Ltd'), fingerprint('Holder Partner')]);
    expect(after.view.selected).toEqual({ kind: 'node', id: keep.node.id });
    expect(after.view.edges).toEqual([relationship.id]);
    const { body: notes } = await api().get(`/api/investigations/${only.id}/annotations`).expect(200);
    expect(notes.items.find((entry: { id: string }) => entry.id === note.body.id).target).toEqual({
      kind: 'node',
      id: keep.node.id,
    });
    expect((await opened(both.id)).view.ids).toEqual([keep.node.id]);
    expect((await opened(unrelated.id)).version).toBe(1);
    const { body: versions } = await api().get(`/api/investigations/${only.id}/versions`).expect(200);
    expect(versions.items[0].version).toBe(after.version);

    await api().post(`/api/merges/${merged.merge}/undo`).expect(200);
    const back = await opened(only.id);
    expect(back.view.ids).toEqual(before.view.ids);
    expect(back.view.positions).toEqual(before.view.positions);
    expect(back.view.fingerprints).toEqual(before.view.fingerprints);
    expect(back.view.selected).toEqual(before.view.selected);
    expect(back.view.edges).toEqual([relationship.id]);
    const { body: notesBack } = await api().get(`/api/investigations/${only.id}/annotations`).expect(200);
    expect(notesBack.items.find((entry: { id: string }) => entry.id === note.body.id).target.id).toBe(merge.node.id);
    const bothBack = await opened(both.id);
    expect(bothBack.view.ids).toEqual([keep.node.id, merge.node.id]);
    expect(bothBack.view.positions).toEqual(viewOf([keep.node.id, merge.node.id]).positions);
  });
});

describe('the history in backups', () => {
  it('When the store is backed up and restored, then edits and merges come back and the next edit gets a new id', async () => {
    const { node } = await createNode('Backed Up Corp');
    const backup = await backupStore(store);
    expect(backup.graphEdits.length).toBeGreaterThan(0);
    const restored = new Store(await emptyStoreUrl('edits_restore'));
    try {
      await migrate(restored);
      // As a backup made before migration 005 has them: no target_uid (the rows named entities by elementId).
      const older = JSON.parse(JSON.stringify(backup)) as typeof backup;
      for (const row of older.graphEdits as Record<string, unknown>[]) delete row.target_uid;
      const counts = await restoreStore(restored, older);
      expect(counts.graphEdits).toBe(backup.graphEdits.length);
      expect(
        await restored.rows('SELECT count(*)::int AS n FROM graph_edits WHERE target_uid IS DISTINCT FROM target_key'),
      ).toEqual([{ n: 0 }]);
      expect(counts.graphMerges).toBe(backup.graphMerges.length);
      const restoredApp = testApp(context.db, {}, restored);
      const { body } = await request(restoredApp).get(`/api/nodes/${node.id}/history`).expect(200);
      expect(body.edits.map((edit: { action: string }) => edit.action)).toEqual(['node.create']);
      const next = await request(restoredApp)
        .patch(`/api/nodes/${node.id}`)
        .send({ version: 1, properties: { employees: 1 }, ...evidence })
        .expect(200);
      expect(next.body.edit.id).toBeGreaterThan(
        Math.max(...backup.graphEdits.map((edit) => (edit as { id: number }).id)),
      );
    } finally {
      await restored.close();
    }
  });
});
