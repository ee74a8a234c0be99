import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../server/config.js';
import type { Database } from '../../server/neo4j/database.js';
import { seedDatabase } from '../../server/seed/prepare.js';
import { testApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { connectTestDatabase } from '../support/database.js';

export interface ExplorerSite {
  db: Database;
  /** Where the built explorer and the real API are served. */
  baseUrl: string;
  browser: Browser;
}

/**
 * For a file of browser tests: the built client served by the real app over the run's Neo4j, filled by
 * `prepare` (the default dataset unless told otherwise), configured from `env` (single-user mode unless told
 * otherwise), and a headless Chromium; all closed afterwards.
 */
export function useExplorerSite(
  prepare: (db: Database) => Promise<unknown> = seedDatabase,
  env: NodeJS.ProcessEnv = {},
): ExplorerSite {
  const site = { db: connectTestDatabase() } as ExplorerSite;
  let server: Server | undefined;

  beforeAll(async () => {
    if (!existsSync(path.join(projectRoot, 'client/dist/index.html'))) {
      throw new Error('client/dist is missing: `npm test` builds it first (npm run build)');
    }
    await prepare(site.db);
    const listening = testApp(site.db, env).listen(0, '127.0.0.1');
    server = listening;
    await new Promise((resolve) => listening.once('listening', resolve));
    site.baseUrl = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    site.browser = await launchChromium();
  });

  afterAll(async () => {
    await site.browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await site.db.close();
  });

  return site;
}
