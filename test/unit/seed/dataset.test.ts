import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultSeedDir, parseDataset, SeedValidationError, type SeedTexts } from '../../../server/seed/dataset.js';

const shipped: SeedTexts = {
  sources: readFileSync(path.join(defaultSeedDir, 'sources.yaml'), 'utf8'),
  nodes: readFileSync(path.join(defaultSeedDir, 'nodes.yaml'), 'utf8'),
  relationships: readFileSync(path.join(defaultSeedDir, 'relationships.yaml'), 'utf8'),
};

type Records = Record<string, unknown>[];

/** The shipped seed files with one file's records changed by `edit`. */
function withEdit(file: keyof SeedTexts, edit: (records: Records) => void): SeedTexts {
  const records = parse(shipped[file]) as Records;
  edit(records);
  return { ...shipped, [file]: stringify(records) };
}

function problemsOf(texts: SeedTexts): string[] {
  try {
    parseDataset(texts);
  } catch (error) {
    if (error instanceof SeedValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('seed dataset validation', () => {
  it('When the shipped files are read, then they are valid and cite all five documents', () => {
    const dataset = parseDataset(shipped);
    expect(dataset.sources).toHaveLength(5);
    const cited = new Set([...dataset.nodes, ...dataset.relationships].flatMap((record) => record.sources));
    expect([...cited].sort()).toEqual(dataset.sources.map((source) => source.id).sort());
  });

  it('When a record has an unknown field, then the error names the file, the record and the field', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(nodes[0]!, { ceo: 'someone' }));
    expect(problemsOf(texts)).toEqual(['seeds/nodes.yaml record 1 (microsoft): record: unknown field(s) ceo']);
  });

  it('When a relationship points at a missing node, then the dangling id is named', () => {
    const texts = withEdit('relationships', (relationships) => Object.assign(relationships[0]!, { to: 'nobody' }));
    expect(problemsOf(texts)).toEqual([
      'seeds/relationships.yaml record 1 (microsoft-invested-13b): to: no node has the id "nobody"',
    ]);
  });

  it('When a relationship has no source, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => Object.assign(relationships[2]!, { sources: [] }));
    expect(problemsOf(texts)).toEqual([
      'seeds/relationships.yaml record 3 (microsoft PARTY_TO microsoft-investment-2019): sources: must cite at least one source',
    ]);
  });

  it('When a record cites a source that does not exist, then the unknown source is named', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(nodes[1]!, { sources: ['999_missing'] }));
    expect(problemsOf(texts)).toEqual(['seeds/nodes.yaml record 2 (openai): sources: unknown source "999_missing"']);
  });

  it.each(['2019-13', '2019-02-30', 'July 2019', '19'])(
    'When a date is %j, then it is rejected as malformed',
    (since) => {
      const texts = withEdit('relationships', (relationships) => Object.assign(relationships[0]!, { since }));
      expect(problemsOf(texts)).toEqual([
        'seeds/relationships.yaml record 1 (microsoft-invested-13b): since: must be a date written YYYY, YYYY-MM or YYYY-MM-DD',
      ]);
    },
  );

  it('When two nodes share an id, then the second is reported as a duplicate', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(nodes[2]!, { id: 'microsoft' }));
    expect(problemsOf(texts)).toContain('seeds/nodes.yaml record 3 (microsoft): duplicate id "microsoft"');
  });

  it('When the same relationship is listed twice without a key, then it is a duplicate', () => {
    const texts = withEdit('relationships', (relationships) => relationships.push({ ...relationships.at(-1)! }));
    expect(problemsOf(texts)).toEqual([
      `seeds/relationships.yaml record ${(parse(shipped.relationships) as Records).length + 1} ` +
        '(openai-capped-profit-2019 CREATED openai-global): duplicate relationship id ' +
        '"openai-capped-profit-2019_created_openai-global" (add a distinct key)',
    ]);
  });

  it('When a fact-bearing node has no claim, then it is rejected', () => {
    const texts = withEdit('nodes', (nodes) => {
      const deal = nodes.find((node) => node.id === 'windsurf-acquisition')!;
      delete deal.claim;
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/^seeds\/nodes\.yaml record \d+ \(windsurf-acquisition\): claim: a Deal, Project/),
    ]);
  });
});
