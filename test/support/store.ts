import { inject } from 'vitest';
import { Store } from '../../server/store/store.js';

let shared: Store | undefined;

/** The run's real PostgreSQL (see global-setup.ts), one pool per test file. */
export function testStore(): Store {
  shared ??= new Store(inject('storeUrl'));
  return shared;
}

/** A new, empty database on the run's PostgreSQL (a store Entente has never seen), as a connection URL. */
export async function emptyStoreUrl(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}`;
  await testStore().rows(`CREATE DATABASE ${name}`);
  return testStore().url.replace(/\/[^/]+$/, `/${name}`);
}
