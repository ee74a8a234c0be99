import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultSeedDir, parseDataset, SeedValidationError, type SeedTexts } from '../../../server/seed/dataset.js';
import { firstDayAfter, untilOf } from '../../../server/seed/dataset.schema.js';
import { compatible } from '../../../server/seed/dataset.js';

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

/** The record with this id (nodes) or key (relationships), to edit in place. */
function find(records: Records, idOrKey: string): Record<string, unknown> {
  const record = records.find((candidate) => candidate.id === idOrKey || candidate.key === idOrKey);
  if (!record) throw new Error(`no record ${idOrKey}`);
  return record;
}

/** The relationship with these ends and type. */
function link(records: Records, from: string, type: string, to: string): Record<string, unknown> {
  const record = records.find((r) => r.from === from && r.type === type && r.to === to);
  if (!record) throw new Error(`no relationship ${from} ${type} ${to}`);
  return record;
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

const doc = {
  d000: '000_4ad60acd83ff3f26',
  d001: '001_33e582f0ea316fce',
  d002: '002_a0041f55834fc920',
  d003: '003_42f3b6a20bd09641',
  d004: '004_7ad8b1a156c96548',
};

describe('seed dataset validation', () => {
  it('When the shipped files are read, then they are valid and cite all five documents', () => {
    const dataset = parseDataset(shipped);
    expect(dataset.sources).toHaveLength(5);
    const cited = new Set([...dataset.nodes, ...dataset.relationships].flatMap((record) => record.sources ?? []));
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
    const texts = withEdit('relationships', (relationships) =>
      relationships.push({ ...link(relationships, 'openai', 'INVOLVED', 'openai-capped-profit-2019') }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /\(openai INVOLVED openai-capped-profit-2019\): duplicate relationship id .*add a distinct key/,
      ),
    ]);
  });

  it('When a fact-bearing node has no claim, then it is rejected', () => {
    const texts = withEdit('nodes', (nodes) => {
      const deal = find(nodes, 'windsurf-acquisition');
      delete deal.claim;
      delete deal.sources;
      delete deal.status;
      delete deal.amountUsd;
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/^seeds\/nodes\.yaml record \d+ \(windsurf-acquisition\): claim: must say what is claimed/),
    ]);
  });
});

describe('citations that support the claim', () => {
  it('When a claim has no source and is not marked outside knowledge, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(find(relationships, 'microsoft-stake-49'), { sources: [] }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /\(microsoft-stake-49\): sources: must cite at least one source \(or mark the claim outsideKnowledge: true\)/,
      ),
    ]);
  });

  it('When a claim marked outside knowledge cites a document, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(link(relationships, 'google-cloud', 'PART_OF', 'google'), { sources: [doc.d004] }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /\(google-cloud PART_OF google\): sources: a claim from outside knowledge cites no document/,
      ),
    ]);
  });

  it('When a node cites a document that does not mention it, then the citation is rejected', () => {
    // The class of "founded in 2015" citing all five documents: 003 never mentions ChatGPT.
    const texts = withEdit('nodes', (nodes) =>
      Object.assign(find(nodes, 'chatgpt'), { sources: [doc.d003, doc.d004] }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /\(chatgpt\): sources: "003_42f3b6a20bd09641" does not mention "chatgpt" \(not in its mentionedIn\)/,
      ),
    ]);
  });

  it('When a relationship cites a document that does not mention both of its ends, then it is rejected', () => {
    // 003 speaks of Bing but never of ChatGPT, so it cannot support "ChatGPT is built into Bing".
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(link(relationships, 'bing', 'USES', 'chatgpt'), { sources: [doc.d003, doc.d004] }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(bing USES chatgpt\): sources: "003_42f3b6a20bd09641" does not mention both/),
    ]);
  });

  it('When a node without a claim lists sources, then it is told that sources support only a claim', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(find(nodes, 'google'), { sources: [doc.d000] }));
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /^seeds\/nodes\.yaml record \d+ \(google\): sources: support only a claim: without a claim, list no sources$/,
      ),
    ]);
  });

  it('When a node states a date or a figure without a claim, then it is rejected', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(find(nodes, 'google'), { since: '1998' }));
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /^seeds\/nodes\.yaml record \d+ \(google\): claim: since state a fact, so the record needs a claim$/,
      ),
    ]);
  });

  it('When a node names no document that mentions it, then it is rejected', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(find(nodes, 'google'), { mentionedIn: [] }));
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(
        /^seeds\/nodes\.yaml record \d+ \(google\): mentionedIn: must name at least one document that mentions the node$/,
      ),
    ]);
  });

  it('When the shipped data is read, then every claim cites only documents that mention what it is about', () => {
    // The schema check above runs on the shipped data too; here the corrected citations are pinned.
    const dataset = parseDataset(shipped);
    const relationship = (key: string) =>
      dataset.relationships.find((r) => (r.key ?? `${r.from}_${r.type.toLowerCase()}_${r.to}`) === key)!;
    const node = (id: string) => dataset.nodes.find((n) => n.id === id)!;
    expect(node('microsoft-openai-partnership').sources).toEqual([doc.d004]);
    expect(node('current-contract').sources).toEqual([doc.d001]);
    expect(node('openai').sources).toEqual([doc.d004]);
    expect(node('chatgpt').sources).toEqual([doc.d004]);
    expect(node('azure-exclusivity').sources).toEqual([doc.d004]);
    expect(relationship('microsoft_competes_with_openai').sources).toEqual([doc.d004]);
    expect(relationship('bing_uses_chatgpt').sources).toEqual([doc.d004]);
    expect(relationship('microsoft-invested-13b')).toMatchObject({
      qualifier: 'more than',
      sources: [doc.d000, doc.d003],
    });
    expect(relationship('revenue-share-capped').since).toBeUndefined();
  });
});

describe('every Deal and Event has its parties', () => {
  it('When the shipped data is read, then the $1 billion (2019) and $10 billion (2023) investments link Microsoft and OpenAI', () => {
    // They were cut off once: Microsoft's neighbourhood showed the totals and no instalment.
    const dataset = parseDataset(shipped);
    for (const deal of ['microsoft-investment-2019', 'microsoft-investment-2023']) {
      const parties = dataset.relationships
        .filter((r) => r.type === 'PARTY_TO' && r.to === deal)
        .map((r) => `${r.from} ${r.role}`)
        .sort();
      expect(parties, deal).toEqual(['microsoft investor', 'openai recipient']);
    }
    expect(dataset.nodes.find((n) => n.id === 'microsoft-investment-2019')!.sources).toEqual([doc.d002, doc.d004]);
  });

  it('When a deal has lost its parties, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => {
      for (let i = relationships.length - 1; i >= 0; i--)
        if (relationships[i]!.to === 'microsoft-investment-2019' && relationships[i]!.type === 'PARTY_TO')
          relationships.splice(i, 1);
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(microsoft-investment-2019\): a deal needs its parties: at least two/),
    ]);
  });

  it('When an event has no participant, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => {
      for (let i = relationships.length - 1; i >= 0; i--)
        if (relationships[i]!.to === 'partnership-strains-2024' && relationships[i]!.type === 'INVOLVED')
          relationships.splice(i, 1);
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(partnership-strains-2024\): an event needs its participants/),
    ]);
  });

  it('When PARTY_TO points at an event, then it is rejected: participants of an event are INVOLVED', () => {
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(link(relationships, 'microsoft', 'INVOLVED', 'restructuring-talks'), { type: 'PARTY_TO' }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringContaining('to: PARTY_TO points at a Deal; "restructuring-talks" is a Event'),
    ]);
  });
});

describe('dates: one meaning of until, a precision for every date', () => {
  it('When until is written for a contract that ends in 2030, then it is rejected: only endsIn is written', () => {
    // The class of `until: '2030'` for "ends in 2030", which would drop the contract on 2030-01-01.
    const texts = withEdit('nodes', (nodes) => {
      const contract = find(nodes, 'current-contract');
      delete contract.endsIn;
      contract.until = '2030';
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(current-contract\): until: is not written: give endsIn, the last period/),
    ]);
  });

  it('When a record says it ends in 2030, then its stored until is the first day of 2031', () => {
    const contract = parseDataset(shipped).nodes.find((node) => node.id === 'current-contract')!;
    expect(contract.endsIn).toBe('2030');
    expect(untilOf(contract)).toBe('2031-01-01');
    expect(untilOf({ endsIn: '2024-07' })).toBe('2024-08-01');
  });

  it('When a record ends before it begins, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(find(relationships, 'revenue-share-paid-2024'), { endsIn: '2023' }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(revenue-share-paid-2024\): endsIn \(2023\) is before since \(2024\)/),
    ]);
  });

  it("When a fact ended by an event gives another period than the event's, then it is rejected with the right value", () => {
    // Writing the exclusive bound (the month after) where the period is asked for is the same mistake reversed.
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(link(relationships, 'microsoft', 'OBSERVER_ON_BOARD_OF', 'openai'), { endsIn: '2024-08' }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringContaining(
        `endsIn: ended by "microsoft-leaves-board-2024" (2024-07), so endsIn is that period: '2024-07'`,
      ),
    ]);
  });

  it('When a record names an end event but no endsIn, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => {
      delete link(relationships, 'microsoft', 'OBSERVER_ON_BOARD_OF', 'openai').endsIn;
    });
    expect(problemsOf(texts)).toEqual([expect.stringContaining('endedBy: an end event needs the endsIn it sets')]);
  });

  it('When a record names an end event that has no date, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(find(relationships, 'altman-ceo-until-ouster'), { endedBy: 'oracle-cloud-deal' }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringContaining('endedBy: "oracle-cloud-deal" has no date (since) to end anything'),
    ]);
  });

  it('When a vague precision is given for a date written with a month, then it is rejected', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(find(nodes, 'chatgpt'), { since: '2022-11' }));
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(chatgpt\): sincePrecision: late-year needs since written as a year \(YYYY\)$/),
    ]);
  });

  it.each([['untilPrecision'], ['deadlinePrecision']])(
    'When %s is written, then it is rejected: an exclusive bound is written as the next period instead',
    (field) => {
      const texts = withEdit('nodes', (nodes) => Object.assign(find(nodes, 'openai-chips'), { [field]: 'late-year' }));
      expect(problemsOf(texts)).toEqual([expect.stringContaining(`unknown field(s) ${field}`)]);
    },
  );

  it('When a precision other than late-year is written, then it is rejected (the form of the date gives it)', () => {
    const texts = withEdit('nodes', (nodes) => Object.assign(find(nodes, 'chatgpt'), { sincePrecision: 'month' }));
    expect(problemsOf(texts)).toEqual([expect.stringMatching(/\(chatgpt\): sincePrecision: /)]);
  });

  it.each([
    ['2024-07', '2024-08-01'],
    ['2030', '2031-01-01'],
    ['2024-12', '2025-01-01'],
    ['2024-02-29', '2024-03-01'],
  ])('When the period %s ends, then the first day after is %s', (written, expected) => {
    expect(firstDayAfter(written)).toBe(expected);
  });
});

describe('dates no more precise than the text (round three)', () => {
  const dataset = parseDataset(shipped);
  const node = (id: string) => dataset.nodes.find((n) => n.id === id)!;
  const links = (from: string, type: string, to: string) =>
    dataset.relationships.filter((r) => r.from === from && r.type === type && r.to === to);

  it("When Microsoft's own models are read, then only the example GPT rival is dated 2024, not the start of the work", () => {
    expect(node('microsoft-in-house-models').since).toBeUndefined();
    expect(links('microsoft', 'DEVELOPED', 'microsoft-in-house-models')[0]!.since).toBeUndefined();
    expect(node('microsoft-gpt-rival-model')).toMatchObject({ since: '2024', sources: [doc.d004] });
    expect(links('microsoft-gpt-rival-model', 'PART_OF', 'microsoft-in-house-models')).toHaveLength(1);
  });

  it('When the partnership is read, then it has no end: the 2030 end is on the current contract, a part of it', () => {
    expect(node('microsoft-openai-partnership')).toMatchObject({ since: '2019', sources: [doc.d004] });
    expect(node('microsoft-openai-partnership').endsIn).toBeUndefined();
    expect(node('current-contract')).toMatchObject({ endsIn: '2030', untilCondition: expect.stringMatching(/AGI/) });
    expect(links('current-contract', 'PART_OF', 'microsoft-openai-partnership')).toHaveLength(1);
    expect(links('agi-clause', 'PART_OF', 'current-contract')).toHaveLength(1);
  });

  it('When the Google Cloud deal and the pressure on the board seat are read, then only the signing is dated', () => {
    expect(node('google-cloud-deal')).toMatchObject({ since: '2025-05', claim: expect.stringMatching(/signed/) });
    const undated = dataset.relationships.filter(
      (r) => (r.to === 'google-cloud-deal' || r.from === 'google-cloud-deal' || r.type === 'PRESSURED') && r.since,
    );
    expect(undated).toEqual([]);
  });

  it('When the stake offer is named, then June 2025 is when it was open, not when it was made', () => {
    expect(node('pos-openai-stake-offer-004').name).toMatch(/open as of June 2025/);
    expect(node('pos-openai-stake-offer-004')).toMatchObject({ statusAsOf: '2025-06' });
    expect(node('pos-openai-stake-offer-004').since).toBeUndefined();
  });
});

describe('citations and attributions (round three)', () => {
  const dataset = parseDataset(shipped);
  const link = (from: string, type: string, to: string) =>
    dataset.relationships.find((r) => r.from === from && r.type === type && r.to === to)!;
  const byKey = (key: string) => dataset.relationships.find((r) => r.key === key)!;

  it('When the co-founders and the Azure integration are read, then 002 and 004 are cited where they state them', () => {
    for (const founder of ['sam-altman', 'elon-musk'])
      expect(link(founder, 'FOUNDED', 'openai')).toMatchObject({ sources: [doc.d002, doc.d004] });
    expect(link('azure', 'USES', 'openai').sources).toContain(doc.d004);
  });

  it('When the $100 billion and the 30–35 % are read, then no one is credited whom the sentence does not name', () => {
    expect(byKey('nonprofit-stake-to-keep').reportedBy).toBeUndefined();
    const sought = dataset.nodes.find((n) => n.id === 'pos-microsoft-stake-001')!;
    expect([sought.reportedBy, sought.qualifier]).toEqual([undefined, undefined]);
    expect(dataset.relationships.filter((r) => r.type === 'REPORTED_BY' && r.from === sought.id)).toEqual([]);
  });

  it('When Taylor is read, then the title 002 gives is sourced and "chair" and "Bret" are outside knowledge', () => {
    expect(dataset.nodes.find((n) => n.id === 'bret-taylor')).toMatchObject({ name: 'Brett Taylor' });
    expect(link('bret-taylor', 'PRESIDENT_OF', 'openai')).toMatchObject({ sources: [doc.d002] });
    expect(link('bret-taylor', 'CHAIRS', 'openai')).toMatchObject({ outsideKnowledge: true });
    expect(link('bret-taylor', 'CHAIRS', 'openai').sources).toBeUndefined();
  });

  it('When a record carries two hedges, then both are kept; a hedge off the closed list is rejected', () => {
    expect(byKey('nonprofit-stake-to-keep').qualifier).toEqual(['estimated', 'more than']);
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(find(relationships, 'microsoft-stake-about-49'), { qualifier: 'roughly' }),
    );
    expect(problemsOf(texts)).toEqual([expect.stringContaining('(microsoft-stake-about-49): qualifier:')]);
  });

  it('When a status is free text, then it is rejected: statuses come from a closed list', () => {
    expect(new Set([...dataset.nodes, ...dataset.relationships].map((r) => r.status)).has('in dispute' as never)).toBe(
      false,
    );
    const texts = withEdit('nodes', (nodes) =>
      Object.assign(find(nodes, 'azure-exclusivity'), { status: 'in dispute' }),
    );
    expect(problemsOf(texts)).toEqual([expect.stringContaining('(azure-exclusivity): status: Invalid option')]);
  });
});

describe('claims no stronger than the text (round three)', () => {
  const dataset = parseDataset(shipped);

  it('When SoftBank is read, then its funding is at stake, not said to be provided', () => {
    const funder = dataset.relationships.find((r) => r.from === 'softbank' && r.to === 'softbank-funding')!;
    expect(funder.claim).not.toMatch(/provides/i);
    expect(funder.claim).toMatch(/at stake/);
  });

  it('When the other cloud deals are read, then they lower reliance on Azure and nothing says the exclusivity is weakened', () => {
    expect(dataset.relationships.filter((r) => r.type === 'ERODES')).toEqual([]);
    expect(JSON.stringify(dataset)).not.toMatch(/in practice/);
    const reliance = dataset.relationships.filter((r) => r.type === 'REDUCES_RELIANCE_ON');
    expect(reliance.map((r) => `${r.from}>${r.to}`).sort()).toEqual([
      'google-cloud-deal>azure',
      'oracle-cloud-deal>azure',
    ]);
  });

  it("When Google and Meta compete with Microsoft, then 004's filing is cited; 000's break-up scenario is a possibility", () => {
    const competes = dataset.relationships.filter(
      (r) => r.type === 'COMPETES_WITH' && ['google', 'meta'].includes(r.to) && r.from === 'microsoft',
    );
    expect(competes.map((r) => r.sources)).toEqual([[doc.d004], [doc.d004]]);
    expect(dataset.relationships.filter((r) => r.type === 'COMPETES_WITH' && r.sources?.includes(doc.d000))).toEqual(
      [],
    );
    const gains = dataset.relationships.filter((r) => r.type === 'COULD_GAIN_FROM');
    expect(gains.map((r) => [r.from, r.status, r.sources])).toEqual([
      ['google', 'possible', [doc.d000]],
      ['meta', 'possible', [doc.d000]],
    ]);
  });
});

describe('conflict groups', () => {
  it('When two records of different periods share a group, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => {
      Object.assign(find(relationships, 'revenue-share-paid-2024'), { disputes: 'revenue-share-paid' });
      Object.assign(find(relationships, 'revenue-share-paid-2025'), { disputes: 'revenue-share-paid' });
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/\(revenue-share-paid-2025\): disputes: its period does not overlap that of record \d+/),
    ]);
  });

  it('When a group has a single record, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(find(relationships, 'microsoft-stake-49'), { disputes: 'lonely' }),
    );
    expect(problemsOf(texts)).toEqual([
      expect.stringContaining('disputes: the group "lonely" has no other record to compare with'),
    ]);
  });

  it('When every record of a group states the same figures, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => {
      Object.assign(find(relationships, 'microsoft-invested-14b'), { amountUsd: 13e9 });
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringContaining('every record of "microsoft-total-investment" states the same figures'),
    ]);
  });

  it('When the shipped data is read, then the totals invested are the one group and the payments none', () => {
    const dataset = parseDataset(shipped);
    const groups = new Set([...dataset.nodes, ...dataset.relationships].map((r) => r.disputes).filter(Boolean));
    expect([...groups]).toEqual(['microsoft-total-investment']);
    const payments = dataset.relationships.filter((r) => r.type === 'PAID_REVENUE_SHARE_TO');
    expect(payments.map((r) => r.disputes)).toEqual([undefined, undefined]);
  });

  it('When a group joins positions that fit together (20–49 %, 30–35 %, 33 %), then it is rejected as no disagreement', () => {
    const texts = withEdit('nodes', (nodes) => {
      for (const id of ['pos-stake-range-000', 'pos-microsoft-stake-001', 'pos-openai-stake-offer-004'])
        Object.assign(find(nodes, id), { disputes: 'microsoft-stake-in-future-openai' });
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringMatching(/disputes: the figures of "microsoft-stake-in-future-openai" can all be true at once/),
    ]);
  });

  it("When 003's 20 % is grouped with 000's up to 20 % until $92 billion, then it is rejected: neither excludes the other", () => {
    const texts = withEdit('relationships', (relationships) => {
      for (const key of ['revenue-share-capped', 'revenue-share-20'])
        Object.assign(find(relationships, key), { disputes: 'revenue-share-terms' });
    });
    expect(problemsOf(texts)).toEqual([expect.stringMatching(/"revenue-share-terms" can all be true at once/)]);
  });

  it('When figures are read with their hedges, then only those that cannot both hold are incompatible', () => {
    expect(compatible({ amountUsd: 13e9, qualifier: 'more than' }, { amountUsd: 14e9, qualifier: 'about' })).toBe(true);
    expect(compatible({ amountUsd: 13e9 }, { amountUsd: 14e9, qualifier: 'about' })).toBe(false);
    expect(compatible({ amountUsd: 13e9, qualifier: 'more than' }, { amountUsd: 13e9 })).toBe(false);
    expect(compatible({ percentMin: 20, percentMax: 49 }, { percent: 33 })).toBe(true);
    expect(compatible({ percentMin: 30, percentMax: 35 }, { percent: 40 })).toBe(false);
    expect(compatible({ percent: 20, qualifier: 'up to' }, { percent: 20, qualifier: 'reported' })).toBe(true);
  });
});

describe('positions in the negotiation: one shape, side by side', () => {
  const dataset = parseDataset(shipped);
  const positionsOn = (subject: string) =>
    dataset.relationships
      .filter((r) => r.type === 'POSITION_ON' && r.to === subject)
      .map((r) => dataset.nodes.find((n) => n.id === r.from)!);
  const holdersOf = (position: string) =>
    dataset.relationships.filter((r) => r.type === 'HOLDS' && r.to === position).map((r) => r.from);

  it("When Microsoft's share of the future company is read, then the three figures are dated, sourced positions, not a conflict", () => {
    const stake = positionsOn('issue-microsoft-stake');
    expect(
      stake.map((p) => [p.id, p.stance, p.percent ?? `${p.percentMin}-${p.percentMax}`, p.sources, p.disputes]),
    ).toEqual([
      ['pos-stake-range-000', 'under discussion', '20-49', [doc.d000], undefined],
      ['pos-microsoft-stake-001', 'wants', '30-35', [doc.d001], undefined],
      ['pos-openai-stake-offer-004', 'offers', 33, [doc.d004], undefined],
    ]);
    expect(holdersOf('pos-openai-stake-offer-004')).toEqual(['openai']);
    expect(holdersOf('pos-stake-range-000').sort()).toEqual(['microsoft', 'openai']);
    expect(stake.find((p) => p.id === 'pos-openai-stake-offer-004')!.statusAsOf).toBe('2025-06');
    // The 33 % is stated once, on the offer.
    expect([...dataset.nodes, ...dataset.relationships].filter((record) => record.percent === 33)).toHaveLength(1);
  });

  it('When the old relationship shapes are looked for, then SEEKS_, CONSIDERED, PURSUES, AIMS_FOR and stances on stakes are gone', () => {
    const types = new Set(dataset.relationships.map((r) => r.type));
    const gone = ['SEEKS_ACCESS_BEYOND_AGI', 'SEEKS_SAFEGUARDS_FROM', 'CONSIDERED', 'CONSIDERED_REDUCING'];
    for (const type of [...gone, 'PURSUES', 'AIMS_FOR', 'SOUGHT_ACCESS_TO']) expect(types.has(type), type).toBe(false);
    expect(dataset.relationships.filter((r) => 'stance' in r)).toEqual([]);
  });

  it('When a position has no holder or no subject, then it is rejected', () => {
    const texts = withEdit('relationships', (relationships) => {
      for (let i = relationships.length - 1; i >= 0; i--)
        if (relationships[i]!.from === 'pos-openai-compute-000' || relationships[i]!.to === 'pos-openai-compute-000')
          relationships.splice(i, 1);
    });
    expect(problemsOf(texts)).toEqual([
      expect.stringContaining('(pos-openai-compute-000): a position needs its holder'),
      expect.stringContaining('(pos-openai-compute-000): a position is POSITION_ON exactly one subject'),
    ]);
  });

  it('When a position has no stance, or another node has one, then it is rejected', () => {
    const texts = withEdit('nodes', (nodes) => {
      delete find(nodes, 'pos-openai-compute-000').stance;
      Object.assign(find(nodes, 'windsurf-acquisition'), { stance: 'wants' });
    });
    expect(problemsOf(texts).sort()).toEqual([
      expect.stringContaining('(pos-openai-compute-000): stance: a Position says its stance'),
      expect.stringContaining('(windsurf-acquisition): stance: only a Position has a stance'),
    ]);
  });

  it('When the talks are read, then they have their issues, produced the preliminary agreement, and funding depends on them', () => {
    const issues = dataset.relationships.filter((r) => r.type === 'HAS_ISSUE' && r.from === 'restructuring-talks');
    expect(issues.map((r) => r.to)).toEqual(
      expect.arrayContaining([
        'issue-microsoft-stake',
        'issue-profit-rights',
        'issue-post-agi-access',
        'issue-azure-exclusivity',
      ]),
    );
    const link = (from: string, type: string, to: string) =>
      dataset.relationships.filter((r) => r.from === from && r.type === type && r.to === to);
    expect(link('preliminary-agreement-2025', 'RESULT_OF', 'restructuring-talks')).toHaveLength(1);
    expect(link('softbank-funding', 'DEPENDS_ON', 'restructuring-talks')).toHaveLength(1);
    expect(link('openai-funding-at-risk-2025', 'DEPENDS_ON', 'pos-openai-stake-offer-004')).toHaveLength(1);
  });

  it('When outlets and laws are read, then they are nodes that reports and the filing link to', () => {
    const reported = dataset.relationships.filter((r) => r.type === 'REPORTED_BY').map((r) => `${r.from}>${r.to}`);
    expect(reported.sort()).toEqual([
      'openai-500b-valuation-talks>cnbc',
      'pos-openai-safeguards-001>bloomberg',
      'us-media-tensions-2025>us-media',
    ]);
    const records = [...dataset.nodes, ...dataset.relationships];
    expect(records.filter((r) => ['Bloomberg', 'CNBC'].includes(r.reportedBy ?? ''))).toEqual([]);
    const laws = dataset.relationships.filter((r) => r.type === 'NAMES_LEGAL_RISK_FROM').map((r) => r.to);
    expect(laws.sort()).toEqual(['eu-ai-act', 'us-ai-executive-orders']);
  });

  it("When each document's date is read, then it is as precise as the text gives it, with the latest period it reports", () => {
    const reports = Object.fromEntries(dataset.sources.map((s) => [s.id, [s.published, s.reportsUpTo]]));
    expect(reports[doc.d004]).toEqual(['2025-06-22', '2025-06']);
    expect(reports[doc.d003]).toEqual(['2025', '2025-09']);
  });
});

describe('one shape per deal, and figures that say what they are', () => {
  const dataset = parseDataset(shipped);

  it('When the six doubled facts are read, then each is its deal node with parties and no direct relationship restates it', () => {
    const types = new Set(dataset.relationships.map((r) => r.type));
    for (const gone of ['PROVIDES_CLOUD_TO', 'LICENSED', 'COMMITTED_FUNDING_TO', 'URGED_SCRUTINY_OF', 'PETITIONED'])
      expect(types.has(gone), gone).toBe(false);
    const parties = (deal: string) =>
      dataset.relationships
        .filter((r) => r.type === 'PARTY_TO' && r.to === deal)
        .map((r) => r.from)
        .sort();
    expect(parties('azure-exclusivity')).toEqual(['microsoft', 'openai']);
    expect(parties('gpt-3-licence')).toEqual(['microsoft', 'openai']);
    expect(parties('google-cloud-deal')).toEqual(['google-cloud', 'openai']);
    expect(parties('oracle-cloud-deal')).toEqual(['openai', 'oracle']);
    expect(parties('softbank-funding')).toEqual(['openai', 'softbank']);
    const push = dataset.relationships.filter((r) => r.type === 'INVOLVED' && r.to === 'google-ftc-push');
    expect(push.map((r) => r.from).sort()).toEqual(['ftc', 'google']);
  });

  it('When the caps are read, then a revenue threshold and a profit cap are different fields; capUsd is rejected', () => {
    const share = dataset.relationships.find((r) => r.key === 'revenue-share-capped')!;
    expect(share).toMatchObject({ percent: 20, revenueThresholdUsd: 92e9 });
    const profits = dataset.relationships.find((r) => r.type === 'ENTITLED_TO_PROFITS_OF')!;
    expect(profits).toMatchObject({ profitCapUsd: 120e9 });
    const texts = withEdit('relationships', (relationships) =>
      Object.assign(find(relationships, 'revenue-share-capped'), { capUsd: 1 }),
    );
    expect(problemsOf(texts)).toEqual([expect.stringContaining('unknown field(s) capUsd')]);
  });

  it('When the future stakes are read, then they point at the future company and the nonprofit is its own node', () => {
    const stakes = dataset.relationships.filter((r) => r.type === 'STAKE_IN');
    const kinds = stakes.map((r) => dataset.nodes.find((n) => n.id === r.to)!.kind);
    expect(new Set(kinds)).toEqual(new Set(['Company']));
    const kept = stakes.filter((r) => r.status === 'preliminary').map((r) => `${r.from}>${r.to}`);
    expect(kept.sort()).toEqual(['microsoft>openai-future-company', 'openai-nonprofit>openai-future-company']);
    expect(dataset.relationships.find((r) => r.type === 'CONTROLS')!.from).toBe('openai-nonprofit');
  });

  it('When "IPO" is looked for, then it names the possible listing, not the legal form', () => {
    const pbc = dataset.nodes.find((n) => n.id === 'public-benefit-corporation')!;
    expect(pbc.aliases).not.toContain('IPO');
    expect(dataset.nodes.find((n) => n.id === 'openai-listing')!.aliases).toContain('IPO');
  });
});

describe('facts live in claims, not descriptions', () => {
  it('When the descriptions are read, then none states a figure or a quantity', () => {
    // Descriptions are shown as unsourced labels: "hundreds of millions of users" belongs in a cited claim.
    const figures = /\d|\b(?:hundreds?|thousands?|millions?|billions?|percent)\b|%/i;
    const stated = parseDataset(shipped)
      .nodes.filter((node) => node.description && figures.test(node.description))
      .map((node) => `${node.id}: ${node.description}`);
    expect(stated).toEqual([]);
  });

  it('When the AGI clause is read, then its vagueness is a cited claim (001), not its description', () => {
    const dataset = parseDataset(shipped);
    expect(dataset.nodes.find((node) => node.id === 'agi-clause')!.description).not.toMatch(/agreed|defin/i);
    const partOf = dataset.relationships.find((r) => r.from === 'agi-clause' && r.type === 'PART_OF')!;
    expect(partOf).toMatchObject({ claim: expect.stringMatching(/definition/), sources: [doc.d001] });
  });
});

describe('the README lists the relationship types the files use', () => {
  it('When the type list of seeds/README.md is read, then it names exactly the types in relationships.yaml', () => {
    const readme = readFileSync(path.join(defaultSeedDir, 'README.md'), 'utf8');
    const list = /\*\*Relationship types\*\*([\s\S]*?)\(Tested: this list/.exec(readme)?.[1] ?? '';
    const listed = new Set([...list.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]));
    const used = new Set([...parseDataset(shipped).relationships.map((r) => r.type), 'MENTIONED_IN']);
    expect([...listed].sort()).toEqual([...used].sort());
  });
});

/** The English free-text fields of the dataset: what the explorer shows as our words. */
function ourWords(): { where: string; text: string }[] {
  const dataset = parseDataset(shipped);
  const fields = ['claim', 'description', 'untilCondition', 'role', 'status', 'qualifier', 'name'] as const;
  const texts: { where: string; text: string }[] = [];
  for (const record of [...dataset.nodes, ...dataset.relationships]) {
    const where = 'id' in record ? record.id : `${record.from} ${record.type} ${record.to}`;
    for (const field of fields) {
      const value = (record as Record<string, unknown>)[field];
      if (typeof value === 'string') texts.push({ where: `${where} ${field}`, text: value });
    }
  }
  for (const source of dataset.sources) texts.push({ where: `${source.id} summary`, text: source.summary });
  return texts;
}

/** Common French words and letters that do not occur in English prose. */
const frenchWords =
  /\b(?:le|la|les|des|du|une|et|est|avec|pour|dans|sur|aux|qui|que|selon|entre|depuis|président|société|accord|milliards?|entreprise)\b|[àâçéèêëîïôùûüÿœ]/i;

describe('claims in our own words', () => {
  it('When the French-word check reads a translated claim, then it flags it', () => {
    expect(frenchWords.test("Bret Taylor is presented as OpenAI's président")).toBe(true);
    expect(frenchWords.test('Microsoft détient 49 % du capital')).toBe(true);
    expect(frenchWords.test('Microsoft owns 49 % of OpenAI Global, LLC.')).toBe(false);
  });

  it('When the claims, descriptions and names are read, then none has a French word in it', () => {
    const french = ourWords().filter(({ text }) => frenchWords.test(text));
    expect(french).toEqual([]);
  });
});
