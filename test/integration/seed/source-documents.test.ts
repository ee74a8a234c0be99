import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultSeedDir, parseDataset, type SeedTexts } from '../../../server/seed/dataset.js';
import { describeWithSourceDocuments, readSourceDocuments } from '../../support/source-documents.js';

// The dataset against its five source documents, which stay outside the repository (../shared/seeds): these
// tests need no database, but they are not unit tests of the repository, so a clone without the documents
// still passes `npm run test:unit`; here, without them, each block fails with one line saying where they were
// expected.

const shipped: SeedTexts = {
  sources: readFileSync(path.join(defaultSeedDir, 'sources.yaml'), 'utf8'),
  nodes: readFileSync(path.join(defaultSeedDir, 'nodes.yaml'), 'utf8'),
  relationships: readFileSync(path.join(defaultSeedDir, 'relationships.yaml'), 'utf8'),
};

type Records = Record<string, unknown>[];

function readDocuments(): string[] {
  return readSourceDocuments().map(({ text }) => text);
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every run of `size` consecutive words. */
function runs(text: string, size: number): Set<string> {
  const words = wordsOf(text);
  const result = new Set<string>();
  for (let start = 0; start + size <= words.length; start++) result.add(words.slice(start, start + size).join(' '));
  return result;
}

describeWithSourceDocuments('no sentence of the documents in the repository', () => {
  const size = 6;
  const documents = readDocuments();
  const fromDocuments = new Set(documents.flatMap((text) => [...runs(text, size)]));

  it('When a document sentence is pasted into a claim, then the check finds it', () => {
    // The probe is taken from the documents at run time, so no sentence of theirs is written here.
    expect(documents.length).toBeGreaterThan(0);
    const pasted = `In our words: ${wordsOf(documents[0]!).slice(40, 50).join(' ')}.`;
    expect([...runs(pasted, size)].some((run) => fromDocuments.has(run))).toBe(true);
  });

  it('When the seed files and their README are read, then no six words in a row come from a document', () => {
    // Source titles are citations and are left out; everything else is our own text.
    const sources = (parse(shipped.sources) as Records).map(({ name: _name, title: _title, ...rest }) => rest);
    const ours = [
      stringify(sources),
      shipped.nodes,
      shipped.relationships,
      readFileSync(path.join(defaultSeedDir, 'README.md'), 'utf8'),
    ];
    const copied = ours.flatMap((text) => [...runs(text, size)].filter((run) => fromDocuments.has(run)));
    expect(copied).toEqual([]);
  });

  it('When a named party (company, person, product, regulator) is read, then mentionedIn lists exactly the documents that name it', () => {
    // Where a document names a party in a form no alias should carry (a plural, a pronoun), the word it uses.
    const namedAs: Record<string, string[]> = {
      'delaware-attorney-general': ['Delaware'],
      'california-attorney-general': ['Californie'],
      'microsoft-in-house-models': ['propres modèles'],
      'microsoft-gpt-rival-model': ['concurrent de GPT'],
      'openai-nonprofit': ['but non lucratif'],
      'openai-future-company': ['future structure', 'future entité', 'structure à but lucratif'],
    };
    // Named only in a link to an unrelated article.
    const unrelated = new Set(['amazon 001_33e582f0ea316fce']);
    const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const names = (text: string, term: string) =>
      new RegExp(
        `(^|[^\\p{L}\\p{N}])${fold(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
        'u',
      ).test(fold(text));
    const wrong: string[] = [];
    for (const node of parseDataset(shipped).nodes) {
      if (!['Company', 'Person', 'Product', 'Regulator'].includes(node.kind)) continue;
      const terms = namedAs[node.id] ?? [node.name, ...(node.aliases ?? [])];
      for (const { id, text } of readSourceDocuments()) {
        if (unrelated.has(`${node.id} ${id}`)) continue;
        const named = terms.some((term) => names(text, term));
        if (named !== node.mentionedIn.includes(id))
          wrong.push(`${node.id} ${named ? 'is named in' : 'is not named in'} ${id}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
