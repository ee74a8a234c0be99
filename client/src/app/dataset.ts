/**
 * What is specific to the default dataset (the Microsoft–OpenAI ecosystem), in one place: the rest of the
 * client works on any graph.
 */

/** The overview the page opens on, when the database has these nodes. */
export const overviewIds = ['microsoft', 'openai'];

/** The relationship types the overview expands its centre by. */
export const overviewTypes = [
  'PARTY_TO',
  'INVESTED_IN',
  'PROVIDES_CLOUD_TO',
  'PARTNER_IN',
  'FOUNDED',
  'COMPETES_WITH',
  'STAKE_IN',
];

/** Hidden until asked for: every document mentions dozens of nodes. */
export const hiddenTypesByDefault = ['MENTIONED_IN'];

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
};

/** Verbs of types whose `stance` says how the relationship holds: the dataset's one stake type. */
export const verbsByStance: Record<string, Record<string, string>> = {
  STAKE_IN: {
    held: 'holds a stake in',
    'to keep': 'is to keep a stake in',
    discussed: 'discussed a stake in',
    sought: 'seeks a stake in',
    offered: 'was offered a stake in',
  },
};
