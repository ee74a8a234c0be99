import { inject } from 'vitest';
import { Store } from '../../server/store/store.js';

let shared: Store | undefined;

/** The run's real PostgreSQL (see global-setup.ts), one pool per test file. */
export function testStore(): Store {
  shared ??= new Store(inject('storeUrl'));
  return shared;
}
