import type { Config } from '../config.js';
import { SharedCounters } from '../store/counters.js';
import type { Store } from '../store/store.js';
import { Access } from './access.js';
import { ApiKeys } from './keys.js';
import { Sessions } from './sessions.js';
import { SettingsStore } from './settings.js';
import { Users } from './users.js';

/** Everything about callers, built once per app over Entente's store. */
export interface Accounts {
  access: Access;
  sessions: Sessions;
  keys: ApiKeys;
  users: Users;
  settings: SettingsStore;
  counters: SharedCounters;
}

export function createAccounts(
  store: Store,
  auth: Config['auth'],
  corsOrigins: string[],
  counterNamespace = '',
): Accounts {
  const sessions = new Sessions(store, auth.sessionTtlHours);
  const keys = new ApiKeys(store);
  const settings = new SettingsStore(store);
  const access = new Access(
    { enabled: auth.enabled, corsOrigins, publicUrl: auth.publicUrl },
    sessions,
    keys,
    settings,
  );
  return {
    access,
    sessions,
    keys,
    users: new Users(store),
    settings,
    counters: new SharedCounters(store, counterNamespace),
  };
}
