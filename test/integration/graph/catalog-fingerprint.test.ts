import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../server/graph/catalog.js';
import { connectTestDatabase } from '../../support/database.js';

// The catalog's part of a graph read's ETag (server/app.ts): what the catalog holds, read without a query.
describe('Catalog.fingerprint', () => {
  const db = connectTestDatabase();
  afterAll(() => db.close());

  it('When nothing was read, then it names nothing; once a list is read, it names it, and the same readings give the same fingerprint', async () => {
    const catalog = new Catalog(db);
    const empty = await catalog.fingerprint();
    expect(empty).toEqual(expect.any(String));
    await catalog.current();
    const read = await catalog.fingerprint();
    expect(read).not.toBe(empty);
    expect(await catalog.fingerprint()).toBe(read);
    await catalog.identity();
    expect(await catalog.fingerprint()).not.toBe(read);
  });

  it('When a list is being read, then there is no fingerprint (null): an answer could come from either reading', async () => {
    const catalog = new Catalog(db);
    const reading = catalog.current();
    expect(await catalog.fingerprint()).toBeNull();
    await reading;
    expect(await catalog.fingerprint()).toEqual(expect.any(String));
  });

  it('When the readings are dropped, then the fingerprint differs from the one before they were first read', async () => {
    const catalog = new Catalog(db);
    const before = await catalog.fingerprint();
    await catalog.current();
    catalog.invalidate();
    const after = await catalog.fingerprint();
    expect(after).not.toBe(before);
    expect(after).toEqual(expect.any(String));
  });
});
