import { describe, expect, it } from 'vitest';
import { useApi } from '../../support/api.js';

// Specific facts of the five documents, read the way the explorer reads them: through the HTTP API.
const context = useApi();
const api = () => context.api();

const d000 = '000_4ad60acd83ff3f26';
const d001 = '001_33e582f0ea316fce';
const d002 = '002_a0041f55834fc920';
const d003 = '003_42f3b6a20bd09641';
const d004 = '004_7ad8b1a156c96548';

interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

async function node(id: string): Promise<Record<string, unknown>> {
  const { body } = await api().get(`/api/nodes/${id}`).expect(200);
  return body.node.properties;
}

/** The relationships of a node of the given types (both directions unless said), on a date if given. */
async function edges(id: string, types: string, extra = ''): Promise<Edge[]> {
  const { body } = await api().get(`/api/nodes/${id}/neighbours?types=${types}&limit=100${extra}`).expect(200);
  return body.edges;
}

async function edge(id: string, types: string, edgeId: string): Promise<Edge> {
  const found = (await edges(id, types)).find((candidate) => candidate.id === edgeId);
  expect(found, edgeId).toBeDefined();
  return found!;
}

async function search(q: string): Promise<string[]> {
  const { body } = await api()
    .get(`/api/search?q=${encodeURIComponent(q)}&limit=5`)
    .expect(200);
  return body.results.map((result: { id: string }) => result.id);
}

describe('document 000 (the $13 billion relationship in peril)', () => {
  it('When the capped revenue share is read, then it is up to 20 % until $92 billion, with no start date', async () => {
    const share = await edge('openai', 'SHARES_REVENUE_WITH', 'revenue-share-capped');
    expect(share.properties).toMatchObject({
      percent: 20,
      revenueThresholdUsd: 92e9,
      qualifier: 'up to',
      sources: [d000],
    });
    expect(share.properties.since).toBeUndefined();
  });

  it('When the SoftBank funding is read, then it is at stake (not "could be lost") with a deadline before 2025', async () => {
    const funding = await node('softbank-funding');
    expect(funding.claim).not.toMatch(/lost/);
    expect(funding).toMatchObject({
      status: 'at stake',
      deadline: '2025-01-01',
      deadlinePrecision: 'year',
      sources: [d000],
    });
  });

  it('When the "more than $13 billion" total is read, then it cites 000 and 003 only', async () => {
    const thirteen = await edge('microsoft', 'INVESTED_IN', 'microsoft-invested-13b');
    expect(thirteen.properties).toMatchObject({ amountUsd: 13e9, qualifier: 'more than', sources: [d000, d003] });
  });

  it('When the approvals of the conversion are read, then Delaware, California and Microsoft must approve', async () => {
    const approvers = (await edges('openai-restructuring', 'MUST_APPROVE')).map((e) => e.source).sort();
    expect(approvers).toEqual(['california-attorney-general', 'delaware-attorney-general', 'microsoft']);
  });

  it('When the restructuring itself is read, then its claim cites only 000 and 001, which state it', async () => {
    expect(await node('openai-restructuring')).toMatchObject({ sources: [d000, d001] });
  });
});

describe('document 001 (access beyond AGI)', () => {
  it('When the current contract is read, then it runs through 2030 (until the first day of 2031) or to AGI, citing 001 only', async () => {
    expect(await node('current-contract')).toMatchObject({
      until: '2031-01-01',
      untilPrecision: 'year',
      untilCondition: expect.stringContaining('AGI'),
      sources: [d001],
    });
    const asOf = async (day: string) => (await edges('current-contract', 'PARTY_TO', `&asOf=${day}`)).length;
    expect(await asOf('2030-06-30')).toBe(2);
    // The partnership itself has no stated end: it is still there after the contract.
    expect(await edges('microsoft-openai-partnership', 'PARTY_TO', '&asOf=2032-01-01')).toHaveLength(2);
  });

  it('When "AGI", "clause AGI" or its French name is searched, then the AGI clause node is found, part of the partnership', async () => {
    expect((await search('AGI'))[0]).toBe('agi-clause');
    expect((await search('clause AGI'))[0]).toBe('agi-clause');
    expect(await search('intelligence artificielle générale')).toContain('agi-clause');
    expect(await node('agi-clause')).toMatchObject({ sources: [d001, d004] });
    const partOf = await edges('agi-clause', 'PART_OF', '&direction=out');
    expect(partOf.map((e) => e.target)).toEqual(['current-contract']);
  });

  it('When the AGI clause is read, then "no settled definition" is a claim citing 001, not its description', async () => {
    const clause = await node('agi-clause');
    expect(clause.description).not.toMatch(/agreed|defin/i);
    const [partOf] = await edges('agi-clause', 'PART_OF', '&direction=out');
    expect(partOf!.properties).toMatchObject({ claim: expect.stringMatching(/definition/), sources: [d001] });
  });

  it("When OpenAI's conditions are read, then it wants safe deployment and shared oversight, per Bloomberg", async () => {
    const wish = await node('pos-openai-safeguards-001');
    expect(wish).toMatchObject({ stance: 'wants', qualifier: 'reported', sources: [d001] });
    expect(wish.claim).toMatch(/safe deployment and shared oversight/);
    const [outlet] = await edges('pos-openai-safeguards-001', 'REPORTED_BY', '&direction=out');
    expect(outlet!.target).toBe('bloomberg');
    const [towards] = await edges('pos-openai-safeguards-001', 'TOWARDS', '&direction=out');
    expect(towards!.target).toBe('microsoft');
    // What did Bloomberg report: a path from the outlet.
    const reported = (await edges('bloomberg', 'REPORTED_BY', '&direction=in')).map((e) => e.source);
    expect(reported).toEqual(['pos-openai-safeguards-001']);
  });

  it('When the negotiations are read, then the definition of AGI is a disputed point', async () => {
    const [dispute] = (await edges('issue-agi-definition', 'HAS_ISSUE')).filter(
      (e) => e.source === 'restructuring-talks',
    );
    expect(dispute!.properties).toMatchObject({ status: 'disputed', sources: [d004] });
    const [about] = await edges('issue-agi-definition', 'ABOUT', '&direction=out');
    expect(about!.target).toBe('agi-clause');
  });

  it('When "GitHub Copilot" is searched, then Copilot comes first, not GitHub', async () => {
    expect((await search('GitHub Copilot'))[0]).toBe('copilot');
  });

  it('When a name is typed exactly, then that node comes first, before longer names that repeat it', async () => {
    expect((await search('ChatGPT')).slice(0, 2)).toEqual(['chatgpt', 'chatgpt-users']);
    expect((await search('chatgpt users'))[0]).toBe('chatgpt-users');
  });
});

describe('document 002 (the preliminary agreement)', () => {
  it('When "accord préliminaire" is searched, then the agreement is found and no made-up MOU alias remains', async () => {
    expect((await search('accord préliminaire'))[0]).toBe('preliminary-agreement-2025');
    const agreement = await node('preliminary-agreement-2025');
    expect(agreement.aliases).not.toContain('MOU');
    expect(JSON.stringify(agreement)).not.toMatch(/binding/);
  });

  it('When Microsoft is expanded, then the share-price rise of nearly 2 % after the announcement is linked to it', async () => {
    const [rise] = await edges('microsoft', 'MOVED_SHARE_PRICE_OF');
    expect(rise).toMatchObject({ source: 'preliminary-agreement-announcement', target: 'microsoft' });
    expect(rise!.properties).toMatchObject({ percent: 2, qualifier: 'nearly', sources: [d002] });
  });

  it('When money raised is read, then only the March 2025 round is there; the $500 billion valuation is talk, per CNBC', async () => {
    const raised = (await edges('openai', 'INVOLVED', '&direction=out')).filter(
      (e) => e.properties.role === 'fundraiser',
    );
    expect(raised.map((e) => e.target).sort()).toEqual(['openai-500b-valuation-talks', 'openai-funding-round-2025']);
    expect(raised.find((e) => e.target === 'openai-funding-round-2025')!.properties.since).toBe('2025-03-01');
    const talks = await node('openai-500b-valuation-talks');
    expect(talks).toMatchObject({ valuationUsd: 500e9, qualifier: 'reported' });
    expect((await edges('openai-500b-valuation-talks', 'REPORTED_BY', '&direction=out'))[0]!.target).toBe('cnbc');
    expect(talks.claim).not.toMatch(/about/);
  });

  it('When the document itself is read, then its summary does not call the agreement non-binding', async () => {
    expect((await node(d002)).summary).not.toMatch(/binding/);
  });

  it('When the 49 % stake is read, then "about" comes from 002 and the plain 49 % from 004, both held stakes', async () => {
    const stakes = await edges('openai-global', 'STAKE_IN');
    const byId = Object.fromEntries(stakes.map((e) => [e.id, e.properties]));
    expect(byId['microsoft-stake-about-49']).toMatchObject({
      percent: 49,
      qualifier: 'about',
      sources: [d002],
    });
    expect(byId['microsoft-stake-about-49']!.amountUsd).toBeUndefined();
    expect(byId['microsoft-stake-about-49']!.disputes).toBeUndefined();
    expect(byId['microsoft-stake-49']).toMatchObject({ percent: 49, sources: [d004] });
    expect(byId['microsoft-stake-49']!.qualifier).toBeUndefined();
  });

  it('When 002\'s $13 billion is read, then it is an investment with no "about", in the total\'s conflict group', async () => {
    const invested = await edge('microsoft', 'INVESTED_IN', 'microsoft-invested-13b-002');
    expect(invested.properties).toMatchObject({
      amountUsd: 13e9,
      disputes: 'microsoft-total-investment',
      sources: [d002],
    });
    expect(invested.properties.qualifier).toBeUndefined();
  });

  it("When the stakes under the preliminary agreement are read, then Microsoft's is Taylor's account and the nonprofit's an estimate", async () => {
    const kept = (await edges('openai-future-company', 'STAKE_IN')).filter(
      (e) => e.properties.status === 'preliminary',
    );
    expect(kept.map((e) => e.source).sort()).toEqual(['microsoft', 'openai-nonprofit']);
    const microsoft = kept.find((e) => e.source === 'microsoft')!;
    expect(microsoft.properties).toMatchObject({ reportedBy: 'Brett Taylor', sources: [d002] });
    const nonprofit = kept.find((e) => e.source === 'openai-nonprofit')!;
    expect(nonprofit.properties).toMatchObject({ amountUsd: 100e9, qualifier: ['estimated', 'more than'] });
    expect(nonprofit.properties.reportedBy).toBeUndefined();
  });

  it("When ChatGPT's users are looked for, then the figure is a claim citing 002, not a description", async () => {
    expect((await node('chatgpt')).description).not.toMatch(/million/);
    expect(await node('chatgpt-users')).toMatchObject({
      claim: expect.stringMatching(/hundreds of millions/),
      sources: [d002],
    });
    const about = (await edges('chatgpt', 'CONCERNS', '&direction=in')).map((e) => e.source);
    expect(about).toContain('chatgpt-users');
  });

  it('When OpenAI is expanded, then it is registered in the states of Delaware and California and Microsoft was an early backer', async () => {
    const registered = await edges('openai', 'REGISTERED_IN', '&direction=out');
    expect(registered.map((e) => e.target).sort()).toEqual(['california', 'delaware']);
    for (const state of registered) expect(state.properties.sources).toEqual([d002]);
    const officials = (await edges('delaware', 'OFFICIAL_OF', '&direction=in')).map((e) => e.source);
    expect(officials).toEqual(['delaware-attorney-general']);
    const [backer] = await edges('openai', 'EARLY_BACKER_OF', '&direction=in');
    expect(backer).toMatchObject({ source: 'microsoft', properties: { sources: [d002] } });
  });
});

describe('document 003 (the 20 % revenue share)', () => {
  it('When the payments are read, then each is reported, covers its own period and shares no conflict group', async () => {
    const paid = await edges('microsoft', 'PAID_REVENUE_SHARE_TO');
    const byId = Object.fromEntries(paid.map((e) => [e.id, e.properties]));
    expect(byId['revenue-share-paid-2024']).toMatchObject({
      amountUsd: 493.8e6,
      qualifier: 'reported',
      since: '2024-01-01',
      until: '2025-01-01',
    });
    expect(byId['revenue-share-paid-2025']).toMatchObject({
      amountUsd: 865.8e6,
      qualifier: 'reported',
      since: '2025-01-01',
      until: '2025-10-01',
    });
    expect(paid.map((e) => e.properties.disputes)).toEqual([undefined, undefined]);
  });

  it('When the flat 20 % share is read, then it is reported and in no conflict group: it fits the capped one', async () => {
    const flat = await edge('openai', 'SHARES_REVENUE_WITH', 'revenue-share-20');
    expect(flat.properties).toMatchObject({ percent: 20, qualifier: 'reported' });
    expect(flat.properties.disputes).toBeUndefined();
  });

  it('When ChatGPT in Bing is read, then it cites 004 only (003 never names ChatGPT)', async () => {
    const [integration] = await edges('chatgpt', 'USES', '&direction=in').then((all) =>
      all.filter((e) => e.source === 'bing'),
    );
    expect(integration!.properties.sources).toEqual([d004]);
  });
});

describe('document 004 (the timeline)', () => {
  it('When ChatGPT is read, then it dates from late 2022, not from a made-up month', async () => {
    expect(await node('chatgpt')).toMatchObject({ since: '2022-01-01', sincePrecision: 'late-year', sources: [d004] });
  });

  it('When the restructuring is read, then the plan is undated and the negotiations began in late 2024, still open in June 2025', async () => {
    expect((await node('openai-restructuring')).since).toBeUndefined();
    expect(await node('restructuring-talks')).toMatchObject({
      since: '2024-01-01',
      sincePrecision: 'late-year',
      status: 'ongoing',
      statusAsOf: '2025-06-01',
      statusAsOfPrecision: 'month',
    });
  });

  it('When "introduction en bourse" or "IPO" is searched, then the possible listing is found, which the public benefit corporation is meant to ease', async () => {
    expect((await search('introduction en bourse'))[0]).toBe('openai-listing');
    expect((await search('IPO'))[0]).toBe('openai-listing');
    expect(await node('public-benefit-corporation')).toMatchObject({ sources: [d004] });
    const [eases] = await edges('openai-listing', 'MEANT_TO_EASE', '&direction=in');
    expect(eases!.source).toBe('public-benefit-corporation');
  });

  it('When the founding is looked for, then it is on OpenAI and its founders only, not a separate event', async () => {
    await api().get('/api/nodes/openai-founded').expect(404);
    const founders = (await edges('openai', 'FOUNDED', '&direction=in')).map((e) => e.source).sort();
    expect(founders).toEqual(['elon-musk', 'sam-altman']);
  });

  it('When the chip project is read, then end 2025 is a deadline, not an end, and TSMC is a named partner only', async () => {
    const chips = await node('openai-chips');
    expect(chips).toMatchObject({ deadline: '2026-01-01', deadlinePrecision: 'year' });
    expect(chips.until).toBeUndefined();
    const [tsmc] = (await edges('openai-chips', 'PARTNER_IN')).filter((e) => e.source === 'tsmc');
    expect(tsmc!.properties.claim).not.toMatch(/manufactur/i);
  });

  it('When the board seat is read as of a day, then it holds through July 2024 and is gone from August; its end is linked to OpenAI', async () => {
    const seat = async (day: string) => (await edges('microsoft', 'OBSERVER_ON_BOARD_OF', `&asOf=${day}`)).length;
    expect([await seat('2023-10-31'), await seat('2024-07-15'), await seat('2024-08-01')]).toEqual([0, 1, 0]);
    const [exit] = await edges('microsoft-leaves-board-2024', 'INVOLVED').then((all) =>
      all.filter((e) => e.source === 'openai'),
    );
    expect(exit).toBeDefined();
  });

  it('When the Azure exclusivity is read, then it is disputed as of June 2025 and the other clouds lower reliance on Azure, with no stated end or start', async () => {
    const deal = await node('azure-exclusivity');
    for (const field of ['since', 'until', 'endedBy']) expect(deal[field], field).toBeUndefined();
    expect(deal).toMatchObject({ status: 'disputed', statusAsOf: '2025-06-01', sources: [d004] });
    expect(deal.since).toBeUndefined();
    const lowering = await edges('azure', 'REDUCES_RELIANCE_ON');
    expect(lowering.map((e) => e.source).sort()).toEqual(['google-cloud-deal', 'oracle-cloud-deal']);
    // One shape: each cloud contract is a deal with its parties, and no direct relationship restates it.
    const providers = await context.db.read(
      "MATCH (p)-[:PARTY_TO {role: 'cloud provider'}]->(d:Deal)<-[:PARTY_TO]-(:Company {id: 'openai'}) RETURN p.id AS id ORDER BY id",
    );
    expect(providers.records.map((r) => r.get('id'))).toEqual(['google-cloud', 'microsoft', 'oracle']);
  });

  it('When the 33 % offer is read, then it is an open position of OpenAI and the $20 billion at risk depends on it', async () => {
    const offer = await node('pos-openai-stake-offer-004');
    expect(offer).toMatchObject({ stance: 'offers', percent: 33, statusAsOf: '2025-06-01', sources: [d004] });
    const [holder] = await edges('pos-openai-stake-offer-004', 'HOLDS', '&direction=in');
    expect(holder!.source).toBe('openai');
    const atRisk = await node('openai-funding-at-risk-2025');
    expect(atRisk).toMatchObject({ amountAtRiskUsd: 20e9, status: 'at stake', statusAsOf: '2025-06-01' });
    const [dependsOn] = await edges('openai-funding-at-risk-2025', 'DEPENDS_ON', '&direction=out');
    expect(dependsOn!.target).toBe('pos-openai-stake-offer-004');
  });

  it('When the investigations are read, then only the CMA and FTC investigated, and the inquiries open in June 2025 are an event with no authority attributed', async () => {
    const investigated = await edges('microsoft-openai-partnership', 'INVESTIGATED');
    expect(investigated.map((e) => e.source).sort()).toEqual(['cma', 'ftc']);
    expect(await edges('european-commission', 'INVESTIGATED')).toEqual([]);
    const open = await node('open-inquiries-2025');
    expect(open).toMatchObject({ status: 'ongoing', statusAsOf: '2025-06-01', sources: [d004] });
    expect(open.claim).toMatch(/Europe.*US.*UK/);
    const [about] = await edges('open-inquiries-2025', 'CONCERNS', '&direction=out');
    expect(about!.target).toBe('microsoft-openai-partnership');
  });

  it('When the June 2024 filing is read, then it says many of the rivals are also partners', async () => {
    expect((await node('microsoft-10k-2024')).claim).toMatch(/many of the rivals/);
  });

  it('When the competition links are read, then the June 2024 one cites 004 only', async () => {
    const competes = await edge('microsoft', 'COMPETES_WITH', 'microsoft_competes_with_openai');
    expect(competes.properties).toMatchObject({ since: '2024-06-01', sources: [d004] });
  });

  it('When OpenAI is read, then its 2015 founding cites 004 and it is mentioned in all five documents', async () => {
    expect(await node('openai')).toMatchObject({ since: '2015-01-01', sources: [d004] });
    const mentions = (await edges('openai', 'MENTIONED_IN', '&direction=out')).map((e) => e.target).sort();
    expect(mentions).toEqual([d000, d001, d002, d003, d004]);
  });
});

describe('facts from outside the documents', () => {
  it('When such a claim is read, then it is marked outside knowledge and cites nothing', async () => {
    const [created] = await edges('openai-global', 'CREATED');
    expect(created!.properties).toMatchObject({ outsideKnowledge: true, sources: [] });
    const [partOf] = await edges('google-cloud', 'PART_OF', '&direction=out');
    expect(partOf!.properties).toMatchObject({ outsideKnowledge: true, sources: [] });
  });

  it('When Windsurf, Stargate and the models in products are read, then nothing the documents lack is shown', async () => {
    expect((await node('windsurf')).description).not.toMatch(/coding/i);
    const [lead] = (await edges('stargate', 'PARTNER_IN')).filter((e) => e.source === 'openai');
    expect(lead!.properties.claim).not.toMatch(/lead/i);
    const copilotLinks = (await edges('copilot', 'USES')).map((e) => `${e.source}>${e.target}`).sort();
    expect(copilotLinks).toEqual(['copilot>openai', 'github>copilot', 'office>copilot', 'windows>copilot']);
    const dallE = (await edges('dall-e', 'USES,CONCERNS')).map((e) => e.source);
    expect(dallE).toEqual(['microsoft-investment-2023']);
    expect((await node('openai-global')).aliases).not.toContain('OpenAI capped-profit arm');
  });
});

describe('names analysts type', () => {
  it.each([
    ['procureur général', 'delaware-attorney-general'],
    ['procureur général', 'california-attorney-general'],
    ["siège d'observateur", 'microsoft-leaves-board-2024'],
    ['restructuration', 'openai-restructuring'],
    ['GCP', 'google-cloud'],
    ['OCI', 'oracle'],
  ])('When %j is searched, then %s is among the results', async (q, id) => {
    expect(await search(q)).toContain(id);
  });
});

describe('conflict groups', () => {
  it('When one read query asks for the stake positions, then they come back side by side with their stances and sources', async () => {
    const { body } = await api()
      .post('/api/cypher')
      .send({
        query:
          'MATCH (h)-[:HOLDS]->(p:Position)-[:POSITION_ON]->(:Issue {id: $issue}) ' +
          'RETURN p.stance AS stance, collect(h.id) AS holders, p.percent AS percent, p.percentMin AS min, ' +
          'p.percentMax AS max, p.sources AS sources ORDER BY stance',
        params: { issue: 'issue-microsoft-stake' },
      })
      .expect(200);
    expect(body.rows).toEqual([
      ['offers', ['openai'], 33, null, null, [d004]],
      ['under discussion', expect.arrayContaining(['microsoft', 'openai']), null, 20, 49, [d000]],
      ['wants', ['microsoft'], null, 30, 35, [d001]],
    ]);
  });

  it('When the totals invested are read, then more than $13 billion, $13 billion and about $14 billion share one group', async () => {
    const totals = await edges('microsoft', 'INVESTED_IN', '&direction=out');
    expect(new Set(totals.map((e) => e.properties.disputes))).toEqual(new Set(['microsoft-total-investment']));
    const figures = totals.map((e) => [e.properties.qualifier ?? null, e.properties.amountUsd]);
    expect(figures).toEqual(
      expect.arrayContaining([
        [null, 13e9],
        ['about', 14e9],
        ['more than', 13e9],
      ]),
    );
    expect(figures).toHaveLength(3);
  });
});
