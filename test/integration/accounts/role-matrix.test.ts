import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleNames, scopeNames, scopesOfRole, type Permission, type Role } from '../../../server/accounts/roles.js';
import { keyOf, signedIn, type SignedIn } from '../../support/accounts.js';
import { useApi } from '../../support/api.js';

const context = useApi({ ENTENTE_AUTH: 'on' });

interface Operation {
  method: string;
  path: string;
  permission: Permission;
  example: unknown;
}

/** Every operation of the OpenAPI document, which is generated from the route table itself. */
async function operations(): Promise<Operation[]> {
  const { body } = await request(context.app).get('/api/openapi.json').expect(200);
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(body.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, operation] of Object.entries(item)) {
      const content = (operation.requestBody as { content?: Record<string, { schema?: { example?: unknown } }> })
        ?.content?.['application/json'];
      found.push({
        method,
        path,
        permission: operation['x-entente-permission'] as Permission,
        example: content ? (content.schema?.example ?? null) : undefined,
      });
    }
  }
  return found;
}

/** A concrete URL for a templated path: a real node or query where one is named, else a well-formed id. */
function concrete(path: string): string {
  return path
    .replace('/api/queries/{id}', '/api/queries/company-deals')
    .replace('/api/nodes/{id}', '/api/nodes/microsoft')
    .replace('/api/sessions/{id}', `/api/sessions/${'0'.repeat(64)}`)
    .replace('/api/investigations/{id}', '/api/investigations/k3x9q2ab')
    .replace('/api/import-mappings/{name}', '/api/import-mappings/people')
    .replace('{version}', '1')
    .replace('{note}', randomUUID())
    .replace(/\{id\}/g, randomUUID());
}

type Caller = {
  name: string;
  holds: (permission: Permission) => boolean;
  send: (op: Operation) => Promise<request.Response>;
};

function call(agent: ReturnType<typeof request>, op: Operation, headers: Record<string, string>) {
  const url = concrete(op.path);
  const method = op.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
  const pending = agent[method](url).set(headers).redirects(0);
  return op.example === undefined ? pending : pending.send(op.example ?? {});
}

/** Whether an answer is the access check saying no (as opposed to the route answering, even with an error). */
function refused(response: request.Response): boolean {
  const type = (response.body as { type?: string })?.type;
  return (
    (response.status === 401 && ['/problems/unauthenticated', '/problems/invalid-key'].includes(type ?? '')) ||
    (response.status === 403 && type === '/problems/not-permitted')
  );
}

describe('the role matrix, generated from the route table', () => {
  const callers: Caller[] = [];
  let table: Operation[] = [];

  beforeAll(async () => {
    table = await operations();
    callers.push({
      name: 'anonymous',
      holds: (permission) => permission === 'public',
      send: (op) => call(request(context.app), op, {}),
    });
    for (const role of roleNames) {
      const session: SignedIn = await signedIn(context.app, role);
      callers.push({
        name: `${role} session`,
        holds: (permission) =>
          permission === 'public' || permission === 'signed-in' || scopesOfRole[role].includes(permission),
        send: (op) => call(session.agent, op, { 'x-csrf-token': session.csrf }),
      });
    }
    for (const scope of scopeNames) {
      const key = await keyOf('admin' satisfies Role, [scope]);
      callers.push({
        name: `key with ${scope}`,
        holds: (permission) => permission === 'public' || permission === scope,
        send: (op) => call(request(context.app), op, { authorization: `Bearer ${key}` }),
      });
    }
  });

  it('When the route table is read, then every operation declares a permission', () => {
    expect(table.length).toBeGreaterThan(25);
    for (const op of table)
      expect(`${op.method} ${op.path}: ${op.permission}`).toMatch(/: (public|signed-in|[a-z:]+)$/);
    expect(table.filter((op) => !op.permission)).toEqual([]);
  });

  it('When every route is called by every kind of caller, then each is let through exactly as its role or scopes allow', async () => {
    const mismatches: string[] = [];
    // Signing out ends the session the later calls need, so it goes last.
    const ordered = [...table].sort(
      (a, b) =>
        Number(a.path === '/api/session' && a.method === 'delete') -
        Number(b.path === '/api/session' && b.method === 'delete'),
    );
    for (const caller of callers) {
      for (const op of ordered) {
        const response = await caller.send(op);
        const expected = caller.holds(op.permission) ? 'allowed' : 'refused';
        const actual = refused(response) ? 'refused' : 'allowed';
        if (expected !== actual)
          mismatches.push(
            `${caller.name} ${op.method.toUpperCase()} ${op.path} (${op.permission}): ${actual}, status ${response.status}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  }, 180_000);

  it('When an admin sends each request body’s OpenAPI example, then the server accepts its shape (no 400)', async () => {
    const admin = await signedIn(context.app, 'admin');
    const withBodies = table.filter((op) => op.example !== undefined);
    expect(withBodies.length).toBeGreaterThan(8);
    const rejected: string[] = [];
    for (const op of withBodies) {
      if (op.example === null) {
        rejected.push(`${op.method} ${op.path}: no example`);
        continue;
      }
      const response = await call(admin.agent, op, { 'x-csrf-token': admin.csrf });
      if (response.status === 400 || response.status >= 500)
        rejected.push(`${op.method} ${op.path}: ${response.status} ${response.text}`);
    }
    expect(rejected).toEqual([]);
  });
});
