// `npm run store:backup -- <file>` and `npm run store:restore -- <file>`: the store's backup as one JSON file.
// With the embedded store, a running Entente's PostgreSQL is used where it answers; otherwise it is started here.
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '../config.js';
import { backupStore, restoreStore, RestoreRefused } from './backup.js';
import { migrate } from './migrate.js';
import { embeddedUrl, provisionStore, StoreStartError } from './provision.js';
import { Store } from './store.js';

async function connect(config: ReturnType<typeof loadConfig>['store']) {
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

const [command, file] = process.argv.slice(2);
if (!['backup', 'restore'].includes(command ?? '') || !file) {
  console.error('Usage: npm run store:backup -- <file.json> | npm run store:restore -- <file.json>');
  process.exit(2);
}
try {
  const { store, stop } = await connect(loadConfig().store);
  try {
    await migrate(store);
    if (command === 'backup') {
      const backup = await backupStore(store);
      await writeFile(file, JSON.stringify(backup, null, 1), { mode: 0o600 });
      console.error(
        `Backed up ${backup.users.length} users, ${backup.savedQueries.length} saved queries and ${backup.auditLog.length} audit entries to ${file}`,
      );
    } else {
      const counts = await restoreStore(store, JSON.parse(await readFile(file, 'utf8')));
      console.error(
        `Restored ${Object.entries(counts)
          .map(([part, count]) => `${count} ${part}`)
          .join(', ')} from ${file}`,
      );
    }
  } finally {
    await stop();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof RestoreRefused || error instanceof StoreStartError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
