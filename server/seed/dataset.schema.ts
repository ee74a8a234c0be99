import { z } from 'zod';

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', and a real calendar date. */
export const partialDate = z.string().refine((value) => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month = '01', day = '01'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD');

/**
 * How much of a date the text gives. `late-year` is a year the text qualifies as its end ("late 2022",
 * "at the end of 2024"): the date is written `YYYY` and the precision is given explicitly.
 */
export const precisions = ['day', 'month', 'year', 'late-year'] as const;
export type Precision = (typeof precisions)[number];

/** The precision a date's written form gives on its own. */
export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

/**
 * The date fields of a stored record. `until` and `deadline` are exclusive bounds; the others name a period.
 * `until` is never written in the files: it is derived from `endsIn`, the last period the fact holds in.
 */
export const dateFields = ['since', 'until', 'deadline', 'statusAsOf'] as const;
export type DateField = (typeof dateFields)[number];
export const exclusiveDateFields = new Set<DateField>(['until', 'deadline']);

/** A date field's precision property, e.g. `sincePrecision`. */
export function precisionField(field: DateField) {
  return `${field}Precision` as const;
}

/** The first day of a written date's period, as `YYYY-MM-DD`. */
export function firstDay(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** The first day after a written date's period: `2024-07` gives `2024-08-01`, `2030` gives `2031-01-01`. */
export function firstDayAfter(value: string): string {
  const [year, month = 1, day] = value.split('-').map(Number) as [number, number?, number?];
  const next =
    value.length === 4
      ? new Date(Date.UTC(year + 1, 0, 1))
      : value.length === 7
        ? new Date(Date.UTC(year, month, 1))
        : new Date(Date.UTC(year, month - 1, day! + 1));
  return next.toISOString().slice(0, 10);
}

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _');
const sourceIds = z.array(z.string());
const usd = z.number().nonnegative();
const percent = z.number().min(0).max(1000);
const vaguePrecision = z.literal('late-year');

/**
 * The hedges a document puts on a claim or its figure. `reported`: given as hearsay, in the conditional or
 * "according to" someone; `estimated`: the document calls the figure an estimate; `projected`: a forecast.
 */
export const qualifiers = ['more than', 'about', 'up to', 'nearly', 'projected', 'estimated', 'reported'] as const;
const qualifier = z.enum(qualifiers);

/**
 * The closed list of statuses, one word per meaning ("in dispute" and "disputed" were both used once):
 * `ongoing` (running), `disputed` (an open point between the parties), `considered` (an option weighed, not
 * decided), `proposed` (put forward, not agreed), `preliminary` (agreed in principle), `at stake` (could be
 * lost), `possible` (a scenario the document raises).
 */
export const statuses = [
  'ongoing',
  'disputed',
  'considered',
  'proposed',
  'preliminary',
  'at stake',
  'possible',
] as const;

/** Figures, dates, hedges and the support of a claim, shared by fact-bearing nodes and relationships. */
const facts = {
  claim: z.string().min(1).optional(),
  /** The documents that state the claim (support), not those that merely mention the record. */
  sources: sourceIds.optional(),
  /** The claim comes from outside the five documents: it cites none and says so. */
  outsideKnowledge: z.literal(true).optional(),
  since: partialDate.optional(),
  sincePrecision: vaguePrecision.optional(),
  /**
   * The last period in which the fact holds, as the text gives it ("ends in 2030": '2030'). The loader
   * stores the exclusive bound `until`, the first day after it ('2031-01-01'). `until` itself is never
   * written, so that an end can only be read one way.
   */
  endsIn: partialDate.optional(),
  until: z
    .never({
      error:
        'is not written: give endsIn, the last period the fact holds in (ends in 2030: endsIn: 2030); until is derived',
    })
    .optional(),
  untilCondition: z.string().optional(),
  /** The dated node (an event, a deal) that ends this fact; `endsIn` is then that node's period. */
  endedBy: id.optional(),
  deadline: partialDate.optional(),
  statusAsOf: partialDate.optional(),
  statusAsOfPrecision: vaguePrecision.optional(),
  amountUsd: usd.optional(),
  amountAtRiskUsd: usd.optional(),
  valuationUsd: usd.optional(),
  /** The most that can be earned: Microsoft's rights to OpenAI's profits end at this sum. */
  profitCapUsd: usd.optional(),
  /** A revenue level at which a term stops applying: the revenue share runs until OpenAI's revenue reaches it. */
  revenueThresholdUsd: usd.optional(),
  percent: percent.optional(),
  percentMin: percent.optional(),
  percentMax: percent.optional(),
  percentOfRevenue: percent.optional(),
  count: z.number().int().nonnegative().optional(),
  outOf: z.number().int().nonnegative().optional(),
  /** One hedge, or several when the document stacks them ("estimated at more than"). */
  qualifier: z.union([qualifier, z.array(qualifier).min(2)]).optional(),
  reportedBy: z.string().optional(),
  status: z.enum(statuses).optional(),
  exclusive: z.boolean().optional(),
  role: z.string().optional(),
  voting: z.boolean().optional(),
  /** A conflict group: records stating the same fact with different figures share this key. */
  disputes: id.optional(),
};

/** The fields that state something, so that a record carrying any of them must have a claim. */
export const statingFields = Object.keys(facts).filter(
  (field) => !['claim', 'sources', 'outsideKnowledge', 'role'].includes(field),
);

/** The figures a conflict group compares. */
export const figureFields = [
  'amountUsd',
  'amountAtRiskUsd',
  'valuationUsd',
  'profitCapUsd',
  'revenueThresholdUsd',
  'percent',
  'percentMin',
  'percentMax',
  'percentOfRevenue',
  'count',
  'outOf',
] as const;

type Facts = { [K in keyof typeof facts]?: z.infer<(typeof facts)[K]> };

/** Rules on a claim and its support that hold for nodes and relationships alike. */
function checkClaim(record: Facts, context: z.RefinementCtx, claimRequired: boolean) {
  const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  const sources = record.sources ?? [];
  if (record.claim === undefined) {
    if (claimRequired) problem('claim', 'must say what is claimed');
    if (record.sources !== undefined) problem('sources', 'support only a claim: without a claim, list no sources');
    if (record.outsideKnowledge) problem('outsideKnowledge', 'marks a claim: without a claim it means nothing');
    const stating = statingFields.filter((field) => record[field as keyof Facts] !== undefined);
    if (stating.length) problem('claim', `${stating.join(', ')} state a fact, so the record needs a claim`);
    return;
  }
  if (record.outsideKnowledge && sources.length) problem('sources', 'a claim from outside knowledge cites no document');
  if (!record.outsideKnowledge && !sources.length)
    problem('sources', 'must cite at least one source (or mark the claim outsideKnowledge: true)');
  if (new Set(sources).size !== sources.length) problem('sources', 'lists a source twice');
  for (const field of ['since', 'statusAsOf'] as const) {
    if (record[`${field}Precision`] !== undefined && record[field]?.length !== 4)
      problem(`${field}Precision`, `late-year needs ${field} written as a year (YYYY)`);
  }
  if (record.endedBy && !record.endsIn) problem('endedBy', 'an end event needs the endsIn it sets');
}

export const sourceSchema = z.strictObject({
  id,
  name: z.string().min(1),
  title: z.string().optional(),
  author: z.string().optional(),
  outlet: z.string().optional(),
  published: partialDate.optional(),
  /** The latest period the document reports on ("the first three quarters of 2025": '2025-09'). */
  reportsUpTo: partialDate.optional(),
  language: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
  format: z.string().optional(),
  summary: z.string().min(1),
});

export const nodeKinds = [
  'Company',
  'Person',
  'Regulator',
  'Deal',
  'Project',
  'Product',
  'Event',
  'Lawsuit',
  'Metric',
  'Jurisdiction',
  'Issue',
  'Position',
  'Outlet',
  'Law',
] as const;

/** Kinds whose node states a fact of its own, so it must say what is claimed. */
const factBearingKinds = new Set<string>(['Deal', 'Project', 'Event', 'Lawsuit', 'Metric', 'Issue', 'Position']);

/**
 * What a Position says its holders do about its subject: `wants`, `asks` (a request made to the other
 * side), `offers`, `weighs` (an option considered), `pursues` (a goal being worked towards), `commits to`
 * (a public undertaking), or `under discussion` (a range both sides are discussing).
 */
export const stances = ['wants', 'asks', 'offers', 'weighs', 'pursues', 'commits to', 'under discussion'] as const;

export const nodeSchema = z
  .strictObject({
    id,
    kind: z.enum(nodeKinds),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    description: z.string().optional(),
    country: z.string().optional(),
    dealType: z.string().optional(),
    /** Every document that names this node (generated as MENTIONED_IN); `sources` is a subset of it. */
    mentionedIn: z.array(z.string()).min(1, 'must name at least one document that mentions the node'),
    /** On a Position: what its holders do about its subject. */
    stance: z.enum(stances).optional(),
    ...facts,
  })
  .superRefine((node, context) => {
    checkClaim(node, context, factBearingKinds.has(node.kind));
    if (node.kind === 'Position' && !node.stance)
      context.addIssue({ code: 'custom', path: ['stance'], message: 'a Position says its stance' });
    if (node.kind !== 'Position' && node.stance)
      context.addIssue({ code: 'custom', path: ['stance'], message: 'only a Position has a stance' });
  });

export const relationshipSchema = z
  .strictObject({
    type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
    from: id,
    to: id,
    key: id.optional(),
    ...facts,
  })
  .superRefine((relationship, context) => checkClaim(relationship, context, true));

export type SourceRecord = z.infer<typeof sourceSchema>;
export type NodeRecord = z.infer<typeof nodeSchema>;
export type RelationshipRecord = z.infer<typeof relationshipSchema>;
export type FactRecord = NodeRecord | RelationshipRecord;

export interface Dataset {
  sources: SourceRecord[];
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
}

/** The stable id of a relationship: its key, or its endpoints and type. */
export function relationshipId(relationship: Pick<RelationshipRecord, 'key' | 'from' | 'type' | 'to'>): string {
  return relationship.key ?? `${relationship.from}_${relationship.type.toLowerCase()}_${relationship.to}`;
}

/** The stored `until` of a record: the first day after its `endsIn` period, as `YYYY-MM-DD`. */
export function untilOf(record: Pick<FactRecord, 'endsIn'>): string | undefined {
  return record.endsIn === undefined ? undefined : firstDayAfter(record.endsIn);
}

/** A stored date field as `YYYY-MM-DD` (the first day of its period; `until` derived from `endsIn`). */
export function storedDate(record: FactRecord, field: DateField): string | undefined {
  if (field === 'until') return untilOf(record);
  const value = record[field];
  return value === undefined ? undefined : firstDay(value);
}

/**
 * A stored date field's precision: `late-year` where the record says so, else what its written form gives
 * (`until` has the precision of the `endsIn` it comes from).
 */
export function precisionOfField(record: FactRecord, field: DateField): Precision | undefined {
  const value = field === 'until' ? record.endsIn : record[field];
  if (value === undefined) return undefined;
  const explicit = (record as Record<string, unknown>)[precisionField(field)];
  return explicit === 'late-year' ? 'late-year' : precisionOf(value);
}
