/**
 * What is specific to the default dataset (the Microsoft–OpenAI ecosystem), in one place: the rest of the
 * client works on any graph.
 */

/** The home view: the page opens on these nodes, when the database has them. */
export const homeIds = ['microsoft', 'openai'];

/** The relationship types the home view expands its centre by. */
export const homeTypes = ['PARTY_TO', 'INVESTED_IN', 'PARTNER_IN', 'FOUNDED', 'COMPETES_WITH', 'STAKE_IN'];

/**
 * Issues on which the documents give several positions: the disagreements view shows them beside the
 * disagreements, as positions (README of the seeds: "Positions and the talks"). Absent from another graph,
 * they show nothing.
 */
export const issuesWithPositions = ['issue-microsoft-stake', 'issue-responsible-use', 'issue-openai-autonomy'];

/** Hidden until asked for: every document mentions dozens of nodes. */
export const hiddenTypesByDefault = ['MENTIONED_IN'];

/**
 * Whether the dataset's model is in a database: MENTIONED_IN there links only to Source documents (as
 * server/graph/dataset-model.ts decides). Its defaults (MENTIONED_IN hidden and never a path step, the
 * Disagreements tab) apply only then; on another graph MENTIONED_IN may be the story itself.
 */
export function hasDatasetModel(schema: { links: { type: string; to: string }[] } | undefined): boolean {
  const mentions = schema?.links.filter((link) => link.type === 'MENTIONED_IN') ?? [];
  return mentions.length > 0 && mentions.every((link) => link.to === 'Source');
}

/** The types hidden by default, less the dataset's own where its model is absent. */
export function hiddenTypesFor(
  hiddenTypes: string[],
  schema: { links: { type: string; to: string }[] } | undefined,
): string[] {
  return hasDatasetModel(schema) ? hiddenTypes : hiddenTypes.filter((type) => !hiddenTypesByDefault.includes(type));
}

/** Neighbours added per expansion, most-connected first. */
export const pageSize = 25;

/** Colours and shapes for the dataset's kinds; any other label gets a colour from its name (style.ts). */
export const kinds: Record<string, { color: string; shape: string }> = {
  Company: { color: '#2563eb', shape: 'round-rectangle' },
  Person: { color: '#db2777', shape: 'ellipse' },
  Regulator: { color: '#b45309', shape: 'hexagon' },
  Deal: { color: '#059669', shape: 'diamond' },
  // Shapes that SVG export can draw too: cytoscape-svg has no rounded polygons but the round rectangle.
  Project: { color: '#7c3aed', shape: 'pentagon' },
  Product: { color: '#0891b2', shape: 'tag' },
  Event: { color: '#ea580c', shape: 'star' },
  Lawsuit: { color: '#dc2626', shape: 'vee' },
  Metric: { color: '#64748b', shape: 'triangle' },
  Issue: { color: '#ca8a04', shape: 'octagon' },
  Position: { color: '#0d9488', shape: 'heptagon' },
  Outlet: { color: '#9333ea', shape: 'rhomboid' },
  Law: { color: '#334155', shape: 'rectangle' },
  Source: { color: '#475569', shape: 'rectangle' },
};

/** How the dataset's relationship types read in a sentence, where their lower-cased words would read badly. */
export const verbs: Record<string, string> = {
  PARTY_TO: 'is party to',
  PARTNER_IN: 'is a partner in',
  OBSERVER_ON_BOARD_OF: 'is an observer on the board of',
  CEO_OF: 'is CEO of',
  MUST_APPROVE: 'must approve',
  MENTIONED_IN: 'is mentioned in',
  // From a party to an event: "Microsoft is involved in Microsoft gives up its OpenAI board observer seat".
  INVOLVED: 'is involved in',
  AGAINST: 'is against',
  HOLDS: 'holds the position',
  POSITION_ON: 'is a position on',
  TOWARDS: 'is addressed to',
  REPORTED_BY: 'was reported by',
  HAS_ISSUE: 'has the issue',
};

/**
 * Verbs of types whose `stance` says how the relationship holds. The default dataset keeps stances on
 * Position nodes now (README: "Positions and the talks"); a graph with stances on relationships still reads.
 */
export const verbsByStance: Record<string, Record<string, string>> = {
  STAKE_IN: {
    held: 'holds a stake in',
    'to keep': 'is to keep a stake in',
    discussed: 'discussed a stake in',
    sought: 'seeks a stake in',
    offered: 'was offered a stake in',
  },
};
