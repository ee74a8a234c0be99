import type { loadConfig } from '../config.js';
import { embeddedUrl, provisionStore } from './provision.js';
import { Store } from './store.js';

/**
 * The store for a command: `DATABASE_URL`, else a running Entente's embedded PostgreSQL where it answers,
 * else the embedded one started for the command (stopped by `stop`).
 */
export async function connectStore(config: ReturnType<typeof loadConfig>['store']) {
  const running = config.url ?? (await embeddedUrl(config.embedded));
  if (running) {
    const store = new Store(running);
    if (await store.ping()) return { store, stop: () => store.close() };
    await store.close();
  }
  const provisioned = await provisionStore(config);
  const store = new Store(provisioned.url);
  return { store, stop: async () => (await store.close(), await provisioned.stop()) };
}
