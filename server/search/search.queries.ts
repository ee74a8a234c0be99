import neo4j, { Neo4jError, type Node as Neo4jNode } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { captionKeys } from '../graph/mapping.js';
import { loadCypher } from '../neo4j/cypher.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import type { Database } from '../neo4j/database.js';
import { asciiOnly, combiningMarks, foldTable, isStopWord, searchTerms, toLuceneQuery } from './lucene.js';
import { rankHits } from './rank.js';
import { searchIndexKeeper, searchIndexName } from './search.index.js';

const cypher = loadCypher('search/fulltext', 'search/scan');

/** Searched first: the default dataset's index, then the one Entente creates (search.index.ts), then any. */
const preferredIndexes = ['entity_search', searchIndexName];

/** Candidates read for the ranking by what was typed, whatever the page asked for. */
export const rankedAmong = 30;

/** Properties the scan reads: what captions are made of, and aliases. */
const scannedKeys = [...captionKeys, 'aliases'];

export interface SearchRequest {
  text: string;
  labels: string[];
  limit: number;
  /**
   * How many of the index's first hits are ranked again by what was typed (the rest follow in the index's
   * order); default: max(limit, rankedAmong). A walk by cursor keeps its first page's, so that its pages
   * are cut from one order.
   */
  rankWindow?: number;
}

type Hit = { node: Neo4jNode; score: number };

/**
 * Nodes matching what was typed: through a full-text index when the database has one, else by a scan of
 * display properties. An index that vanished since the catalog was read (dropped by someone) sends this
 * search to the scan and the catalog to be read again, rather than failing.
 */
export async function searchNodes(db: Database, catalog: Catalog, request: SearchRequest): Promise<Hit[]> {
  const [named, hits] = await Promise.all([
    // A lookup that fails leaves the search by text to answer alone.
    nodeCaptionedById(db, catalog, request).catch(() => undefined),
    searchByText(db, catalog, request),
  ]);
  if (!named) return hits;
  const others = hits.filter((hit) => hit.node.elementId !== named.elementId);
  const score = Math.max(1, ...hits.map((hit) => hit.score));
  return [{ node: named, score }, ...others].slice(0, request.limit);
}

/**
 * The node a caption made of a label and an id names ("Member 0", or "Node …" for a node without labels):
 * the caption a node without a name is shown with (graph/mapping.ts), which no text index holds.
 */
async function nodeCaptionedById(
  db: Database,
  catalog: Catalog,
  request: SearchRequest,
): Promise<Neo4jNode | undefined> {
  const text = request.text.trim();
  const { labels } = await catalog.current();
  // The longest label the text starts with: "Member Of 3" is a Member Of, not a Member.
  const label = ['Node', ...labels.map((entry) => entry.name)]
    .filter((name) => text.toLowerCase().startsWith(`${name.toLowerCase()} `))
    .sort((a, b) => b.length - a.length)[0];
  if (label === undefined) return undefined;
  const key = text.slice(label.length).trim();
  const node = key ? (await resolveNodes(db, catalog, [key])).get(key) : undefined;
  const first = node?.labels[0] ?? 'Node';
  if (!node || first.toLowerCase() !== label.toLowerCase()) return undefined;
  return request.labels.length && !node.labels.some((name) => request.labels.includes(name)) ? undefined : node;
}

/** Nodes whose names (and aliases) match what was typed, best first. */
async function searchByText(db: Database, catalog: Catalog, request: SearchRequest): Promise<Hit[]> {
  const lucene = toLuceneQuery(request.text);
  if (!lucene) return [];
  const { fulltextIndexes, labels, propertyKeys } = await catalog.current();
  // Entente's own index, while it misses labels or keys loaded since it was made, is passed by for the scan
  // (and made again in the background), so nothing the database holds is out of reach.
  const stale = await searchIndexKeeper(db)?.stale(
    labels.map((label) => label.name),
    propertyKeys,
    fulltextIndexes,
  );
  const usable = stale ? fulltextIndexes.filter((name) => name !== searchIndexName) : fulltextIndexes;
  const index = preferredIndexes.find((name) => usable.includes(name)) ?? usable[0];
  // More candidates than asked for, ranked again by how much of each name was typed (rank.ts).
  const window = request.rankWindow ?? Math.max(request.limit, rankedAmong);
  const candidates = Math.max(request.limit, window);
  const limit = neo4j.int(candidates);
  const terms = searchTerms(request.text);
  const ranked = (hits: Hit[]) =>
    [...rankHits(hits.slice(0, window), request.text), ...hits.slice(window)].slice(0, request.limit);
  if (index) {
    try {
      const { records } = await db.read<Hit>(cypher['search/fulltext'], {
        index,
        lucene,
        phrase: terms.join(' '),
        labels: request.labels,
        limit,
        fetch: neo4j.int(request.labels.length ? candidates * 10 : candidates),
      });
      return ranked(records.map((record) => ({ node: record.get('node'), score: record.get('score') })));
    } catch (error) {
      if (!(error instanceof Neo4jError && error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed')) throw error;
      catalog.invalidate();
    }
  }
  const required = terms.filter((term) => !isStopWord(term));
  const { records } = await db.read<Hit>(cypher['search/scan'], {
    required: required.length ? required : terms,
    phrase: terms.join(' '),
    keys: scannedKeys,
    marks: combiningMarks,
    table: foldTable,
    ascii: asciiOnly,
    labels: request.labels,
    limit,
  });
  return ranked(records.map((record) => ({ node: record.get('node'), score: record.get('score') })));
}
