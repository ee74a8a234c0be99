// The store's commands: `npm run store:backup -- <file>` and `npm run store:restore -- <file>` (one JSON file),
// and `npm run accounts:reset-link -- <username>` (a one-time sign-in link for a user locked out, printed here).
// With the embedded store, a running Entente's PostgreSQL is used where it answers; otherwise it is started here.
import { readFile, writeFile } from 'node:fs/promises';
import { systemCaller } from '../accounts/caller.js';
import { Users } from '../accounts/users.js';
import { ConfigError, loadConfig } from '../config.js';
import { backupStore, restoreStore, RestoreRefused } from './backup.js';
import { migrate } from './migrate.js';
import { connectStore } from './connect.js';
import { StoreStartError } from './provision.js';
import type { Store } from './store.js';

/** A command that cannot do what was asked, for a reason the person who ran it can act on. */
class CommandError extends Error {}

/** Prints a link that signs `username` in once (valid one hour), to set a new password. */
async function resetLink(store: Store, username: string, site: string): Promise<void> {
  const users = new Users(store);
  const user = (await users.list()).find((candidate) => candidate.username.toLowerCase() === username.toLowerCase());
  if (!user) throw new CommandError(`No user is called "${username}".`);
  const { token, expiresAt } = await users.oneTimeLink(systemCaller, user.id, 'reset');
  console.log(`${site}/sign-in#link=${token}`);
  console.error(`Valid until ${expiresAt}, once. Open it to sign in as ${user.username} and set a new password.`);
}

const [command, argument] = process.argv.slice(2);
if (!['backup', 'restore', 'reset-link'].includes(command ?? '') || !argument) {
  console.error(
    'Usage: npm run store:backup -- <file.json> | npm run store:restore -- <file.json> | ' +
      'npm run accounts:reset-link -- <username>',
  );
  process.exit(2);
}
const file = argument;
try {
  const config = loadConfig();
  const { store, stop } = await connectStore(config.store);
  try {
    await migrate(store);
    if (command === 'reset-link') {
      await resetLink(store, argument, config.auth.publicUrl ?? `http://localhost:${config.http.port}`);
    } else if (command === 'backup') {
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
  if (
    error instanceof ConfigError ||
    error instanceof RestoreRefused ||
    error instanceof StoreStartError ||
    error instanceof CommandError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
