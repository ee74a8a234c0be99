import { z } from 'zod';

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', and a real calendar date. */
export const partialDate = z.string().refine((value) => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month = '01', day = '01'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD');

export type Precision = 'year' | 'month' | 'day';

export function precisionOf(value: string): Precision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _');
const sourceList = z.array(z.string()).min(1, 'must cite at least one source');
const usd = z.number().nonnegative();
const percent = z.number().min(0).max(1000);

/** Figures, dates and qualifiers shared by fact-bearing nodes and relationships. */
const facts = {
  since: partialDate.optional(),
  until: partialDate.optional(),
  untilCondition: z.string().optional(),
  amountUsd: usd.optional(),
  valuationUsd: usd.optional(),
  capUsd: usd.optional(),
  percent: percent.optional(),
  percentMin: percent.optional(),
  percentMax: percent.optional(),
  percentOfRevenue: percent.optional(),
  count: z.number().int().nonnegative().optional(),
  outOf: z.number().int().nonnegative().optional(),
  qualifier: z.string().optional(),
  reportedBy: z.string().optional(),
  status: z.string().optional(),
  exclusive: z.boolean().optional(),
  role: z.string().optional(),
  voting: z.boolean().optional(),
};

export const sourceSchema = z.strictObject({
  id,
  name: z.string().min(1),
  title: z.string().optional(),
  author: z.string().optional(),
  outlet: z.string().optional(),
  published: partialDate.optional(),
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
] as const;

/** Kinds whose node states a fact of its own, so it must say what is claimed. */
const factBearingKinds = new Set<string>(['Deal', 'Project', 'Event', 'Lawsuit', 'Metric']);

export const nodeSchema = z
  .strictObject({
    id,
    kind: z.enum(nodeKinds),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    description: z.string().optional(),
    country: z.string().optional(),
    dealType: z.string().optional(),
    claim: z.string().min(1).optional(),
    sources: sourceList,
    ...facts,
  })
  .refine((node) => !factBearingKinds.has(node.kind) || node.claim, {
    message: 'a Deal, Project, Event, Lawsuit or Metric must have a claim',
    path: ['claim'],
  });

export const relationshipSchema = z.strictObject({
  type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
  from: id,
  to: id,
  key: id.optional(),
  claim: z.string().min(1, 'must say what is claimed'),
  sources: sourceList,
  ...facts,
});

export type SourceRecord = z.infer<typeof sourceSchema>;
export type NodeRecord = z.infer<typeof nodeSchema>;
export type RelationshipRecord = z.infer<typeof relationshipSchema>;

export interface Dataset {
  sources: SourceRecord[];
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
}

/** The stable id of a relationship: its key, or its endpoints and type. */
export function relationshipId(relationship: RelationshipRecord): string {
  return relationship.key ?? `${relationship.from}_${relationship.type.toLowerCase()}_${relationship.to}`;
}
