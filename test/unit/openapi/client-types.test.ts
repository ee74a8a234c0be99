import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clientTypesFile, generateClientTypes, servedDocument } from '../../../server/openapi/client.generate.js';

describe('The typed client (packages/client)', () => {
  it('When the API changes, then its committed types are regenerated (npm run client:generate)', async () => {
    const [committed, current] = await Promise.all([readFile(clientTypesFile, 'utf8'), generateClientTypes()]);
    // A boolean, not a 7,000-line diff: the message says what to do.
    expect(committed === current, 'packages/client/src/openapi.d.ts is stale: run npm run client:generate').toBe(true);
  }, 120_000);

  it('When the types are generated, then they hold every path the app serves and its named shapes', async () => {
    const [document, committed] = await Promise.all([servedDocument(), readFile(clientTypesFile, 'utf8')]);
    const served = Object.keys(document.paths ?? {});
    expect(served.length).toBeGreaterThan(40);
    for (const path of served) expect(committed).toContain(`'${path}': {`);
    for (const name of ['Graph', 'Node', 'Edge', 'Problem', 'Schema', 'SearchResult', 'TypeCount', 'DatingEntry'])
      expect(committed).toContain(`export type ${name} = components['schemas']['${name}'];`);
  }, 120_000);
});
