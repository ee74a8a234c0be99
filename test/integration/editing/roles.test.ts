import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { keyOf, signedIn } from '../../support/accounts.js';
import { problem, useApi } from '../../support/api.js';
import { testStore } from '../../support/store.js';

const context = useApi({ ENTENTE_AUTH: 'on' });
const store = testStore();
const testLabel = 'EditingRolesTest';
const evidence = {
  claim: 'Stated in the test document.',
  sources: [{ title: 'A pasted note', text: 'Roles Corp exists, says this note.' }],
};

afterAll(async () => {
  await context.db.write(`MATCH (n:${testLabel}) DETACH DELETE n`);
  await context.db.write(
    "MATCH (s:Source) WHERE s.id STARTS WITH 'src-' AND s._entente_lastEdit IS NOT NULL DETACH DELETE s",
  );
});

const create = { labels: ['Company', testLabel], properties: { name: 'Roles Corp' }, ...evidence };

describe('who may edit', () => {
  it('When a viewer or an analyst writes, then each gets a 403 and nothing is written; history stays readable to them', async () => {
    for (const role of ['viewer', 'analyst'] as const) {
      const session = await signedIn(context.app, role);
      const refused = await session.agent.post('/api/nodes').set('x-csrf-token', session.csrf).send(create);
      expect(refused.status).toBe(403);
      expect(problem(refused).type).toBe('/problems/not-permitted');
      for (const [method, path] of [
        ['patch', '/api/nodes/openai'],
        ['delete', '/api/nodes/openai'],
        ['post', '/api/relationships'],
        ['patch', '/api/relationships/x'],
        ['delete', '/api/relationships/x'],
        ['post', '/api/edits/1/revert'],
        ['post', '/api/merges'],
        ['post', '/api/merges/1/undo'],
      ] as const) {
        const response = await session.agent[method](path).set('x-csrf-token', session.csrf).send({});
        expect(`${role} ${method} ${path}: ${response.status}`).toBe(`${role} ${method} ${path}: 403`);
      }
      expect((await session.agent.get('/api/nodes/openai/history').expect(200)).body.edits).toEqual([]);
      await session.agent.get('/api/duplicates').expect(200);
    }
    const { records } = await context.db.read(`MATCH (n:${testLabel}) RETURN count(n) AS count`);
    expect(Number(records[0]!.get('count'))).toBe(0);
  });

  it('When an editor (session) and a key scoped edit write, then both succeed and the audit log names who', async () => {
    const editor = await signedIn(context.app, 'editor');
    const made = await editor.agent.post('/api/nodes').set('x-csrf-token', editor.csrf).send(create).expect(201);
    const key = await keyOf('editor', ['edit']);
    const edited = await request(context.app)
      .patch(`/api/nodes/${made.body.node.id}`)
      .set('authorization', `Bearer ${key}`)
      .send({ version: 1, properties: { employees: 3 }, ...evidence })
      .expect(200);
    expect(edited.body.version).toBe(2);
    const rows = await store.rows<{ action: string; actor_name: string; actor_kind: string }>(
      'SELECT action, actor_name, actor_kind FROM audit_log WHERE target_id = $1 ORDER BY id',
      [made.body.node.id],
    );
    expect(rows.map((row) => [row.action, row.actor_kind])).toEqual([
      ['graph.node.create', 'user'],
      ['graph.node.update', 'key'],
    ]);
    expect(rows[0]!.actor_name).toBe(editor.username);
    const { body: history } = await editor.agent.get(`/api/nodes/${made.body.node.id}/history`).expect(200);
    expect(history.edits.map((edit: { actor: string }) => edit.actor)).toEqual([rows[1]!.actor_name, editor.username]);
  });
});
