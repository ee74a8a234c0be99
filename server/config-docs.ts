import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot, settingDefault, settingDocs, type SettingName } from './config.js';

/**
 * `.env.example` and the README's configuration table, written from the one declaration of settings in
 * config.ts (`npm run config:docs`). test/unit/config-docs.test.ts fails when the files differ from this.
 */

const names = Object.keys(settingDocs) as SettingName[];

export function envExample(): string {
  const lines = [
    '# Entente reads its configuration from environment variables. This file is written by',
    '# `npm run config:docs` from server/config.ts: edit that, not this. It is not loaded automatically:',
    "# export the variables, or use your process manager's env file. All are optional; the values below",
    '# are the defaults, and a commented line is unset by default (with an example value).',
  ];
  let section = '';
  for (const name of names) {
    const doc: { section: string; meaning: string; example?: string } = settingDocs[name];
    if (doc.section !== section) {
      section = doc.section;
      lines.push('', `# ${section}`);
    }
    lines.push(`# ${name}: ${doc.meaning}`);
    const fallback = settingDefault(name);
    lines.push(fallback === undefined ? `# ${name}=${doc.example ?? ''}` : `${name}=${fallback}`);
  }
  return `${lines.join('\n')}\n`;
}

const start = '<!-- configuration table: written by `npm run config:docs` from server/config.ts -->';
const end = '<!-- end of configuration table -->';

/** The table, columns padded as Prettier pads them (the README passes `prettier --check`). */
export function configurationTable(): string {
  const rows = names.map((name) => {
    const fallback = settingDefault(name);
    const shown = fallback === undefined ? 'unset' : fallback === '' ? 'empty' : `\`${fallback}\``;
    return [`\`${name}\``, shown, settingDocs[name].meaning];
  });
  const header = ['variable', 'default', 'meaning'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The README with its configuration table (between the two markers) replaced by the generated one. */
export function withConfigurationTable(readme: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no configuration table markers (${start} … ${end})`);
  return `${readme.slice(0, from)}${start}\n\n${configurationTable()}\n\n${readme.slice(to)}`;
}

export const envExamplePath = path.join(projectRoot, '.env.example');
export const readmePath = path.join(projectRoot, 'README.md');

/** Writes both files; returns the ones that changed. */
export async function writeConfigDocs(): Promise<string[]> {
  const changed: string[] = [];
  const readme = await readFile(readmePath, 'utf8');
  const targets: [string, string, string][] = [
    [envExamplePath, await readFile(envExamplePath, 'utf8').catch(() => ''), envExample()],
    [readmePath, readme, withConfigurationTable(readme)],
  ];
  for (const [file, before, after] of targets) {
    if (before === after) continue;
    await writeFile(file, after);
    changed.push(path.relative(projectRoot, file));
  }
  return changed;
}
