import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingDefault, settingDocs, type SettingName } from '../../server/config.js';
import {
  configurationTable,
  envExample,
  envExamplePath,
  readmePath,
  withConfigurationTable,
} from '../../server/config-docs.js';

const names = Object.keys(settingDocs) as SettingName[];

describe('configuration documented from its one declaration (server/config.ts)', () => {
  it('When .env.example is read, then it is exactly what the declaration writes (npm run config:docs)', () => {
    expect(readFileSync(envExamplePath, 'utf8')).toBe(envExample());
  });

  it('When the README is read, then its configuration table is exactly what the declaration writes (npm run config:docs)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(readme).toBe(withConfigurationTable(readme));
  });

  it('When the README table is stale (a default changed by hand), then the check sees the difference', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const stale = readme.replace(
      '| `CYPHER_CONCURRENCY`           | `4`  ',
      '| `CYPHER_CONCURRENCY`           | `8`  ',
    );
    expect(stale).not.toBe(readme);
    expect(withConfigurationTable(stale)).not.toBe(stale);
  });

  it('When the documents are written, then every setting is in both with its default, the console limits included', () => {
    const example = envExample();
    const table = configurationTable();
    for (const name of names) {
      const fallback = settingDefault(name);
      expect(example, name).toMatch(new RegExp(`^(# )?${name}=${fallback === undefined ? '' : fallback}`, 'm'));
      expect(table, name).toContain(`| \`${name}\``);
    }
    expect(example).toContain('\nCYPHER_MAX_VALUES=1000000\n');
    expect(example).toContain('\nCYPHER_CONCURRENCY=4\n');
    expect(example).toMatch(/^# DATABASE_URL=postgres:\/\//m);
  });
});
