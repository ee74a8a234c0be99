import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDataset } from '../../../server/seed/dataset.js';
import { relationshipId } from '../../../server/seed/dataset.schema.js';

/** The fact list made by reading each document (facts.yaml beside this file). */
type FactList = Record<string, { fact: string; records?: string[]; left?: string }[]>;
const facts = parse(readFileSync(path.join(import.meta.dirname, 'facts.yaml'), 'utf8')) as FactList;

/** The share of a document's listed facts that the dataset carries, as a whole percentage. */
const coverage = (list: FactList[string]) =>
  Math.floor((100 * list.filter((entry) => entry.records?.length).length) / list.length);

describe('coverage of the documents, against the fact list made by reading them', () => {
  it('When the fact list is read, then every document is in it and every fact is carried or says why it is left out', async () => {
    const dataset = await readDataset();
    expect(Object.keys(facts).sort()).toEqual(dataset.sources.map((source) => source.id).sort());
    for (const [document, list] of Object.entries(facts))
      for (const entry of list)
        expect(Boolean(entry.records?.length) !== Boolean(entry.left), `${document}: ${entry.fact}`).toBe(true);
  });

  it('When a fact names its records, then each exists and cites that document', async () => {
    const dataset = await readDataset();
    const sourcesOf = new Map<string, string[]>([
      ...dataset.nodes.map((node) => [node.id, node.sources ?? []] as [string, string[]]),
      ...dataset.relationships.map((r) => [relationshipId(r), r.sources ?? []] as [string, string[]]),
    ]);
    const wrong: string[] = [];
    for (const [document, list] of Object.entries(facts))
      for (const entry of list)
        for (const record of entry.records ?? []) {
          const sources = sourcesOf.get(record);
          if (!sources) wrong.push(`${document}: "${entry.fact}": no record ${record}`);
          else if (!sources.includes(document)) wrong.push(`${document}: "${entry.fact}": ${record} does not cite it`);
        }
    expect(wrong).toEqual([]);
  });

  it('When coverage is counted per document, then each is 95 % or more', () => {
    const measured = Object.fromEntries(Object.entries(facts).map(([document, list]) => [document, coverage(list)]));
    for (const [document, percent] of Object.entries(measured)) expect(percent, document).toBeGreaterThanOrEqual(95);
  });
});
