import { expect, it } from 'vitest';
import { readDataset } from '../../../server/seed/dataset.js';
import { describeWithSourceDocuments, readSourceDocuments } from '../../support/source-documents.js';
import { sentencesOf, translatedFrom } from './translation.js';

/** Each document's sentences as content words, by source id. */
function documents(): Record<string, string[][]> {
  return Object.fromEntries(readSourceDocuments().map(({ id, text }) => [id, sentencesOf(text)]));
}

describeWithSourceDocuments('claims in our own words, not translations of their sentence', () => {
  const sentences = documents();

  it.each([
    // Two claims the round-three audit found to be close translations of their source sentence.
    ['OpenAI is weighing a cut in the share of revenue it hands Microsoft', '003_42f3b6a20bd09641'],
    ['Microsoft stood by Altman and offered to hire him, together with an AI research team', '004_7ad8b1a156c96548'],
  ])('When the known literal translation %j is checked, then it is flagged', (claim, source) => {
    expect(translatedFrom(claim, sentences[source]!)).toBeDefined();
  });

  it.each([
    [
      'Revenue share level: a lower percentage for Microsoft is an option OpenAI is said to be studying.',
      '003_42f3b6a20bd09641',
    ],
    [
      "Microsoft's move during the crisis: backing for Altman and a job offer to him and an AI research team.",
      '004_7ad8b1a156c96548',
    ],
  ])('When the same fact is stated in our own structure (%j), then it passes', (claim, source) => {
    expect(translatedFrom(claim, sentences[source]!)).toBeUndefined();
  });

  it('When every claim of the dataset is checked against the sentences of the documents it cites, then none is a translation', async () => {
    const dataset = await readDataset();
    const translated = [...dataset.nodes, ...dataset.relationships].flatMap((record) => {
      if (!record.claim) return [];
      const hit = translatedFrom(
        record.claim,
        (record.sources ?? []).flatMap((source) => sentences[source] ?? []),
      );
      const where = 'id' in record ? record.id : `${record.from} ${record.type} ${record.to}`;
      return hit ? [`${where} (${hit.aligned} of ${hit.of} words in order): ${record.claim}`] : [];
    });
    expect(translated).toEqual([]);
  });
});
