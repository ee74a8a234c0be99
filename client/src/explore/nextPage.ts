import type { ApiEdge, ApiNode, Graph } from '../api/api.js';

/** The API's largest neighbours page. */
export const largestPage = 1000;

export interface NextPage {
  /** The centre and the relationships not drawn yet, with their far ends: at most the page size of them. */
  graph: Graph;
  /** How many relationships the expansion has in all. */
  total: number;
  /** How many of them are drawn once this page is added. */
  drawnAfter: number;
}

/**
 * The next page of an expansion: its relationships that the canvas does not draw yet, most-connected first.
 * The server orders a node's neighbours by degree and pages with a cursor (each page's `next`), while the
 * canvas may already hold any of them (drawn by an earlier page, a search or a path), so the count drawn is
 * no position: the order is read from its start, the drawn relationships passed over, until `pageSize` new
 * ones are found or the order ends. The cursor is a keyset position, so relationships added or removed by
 * others meanwhile never make a page pass over one. At most `drawn` + `pageSize` relationships are read, in one request unless that is over
 * the API's largest page.
 */
export async function nextPage(
  fetchPage: (cursor: string | undefined, limit: number) => Promise<Graph & { next?: string }>,
  isDrawn: (edgeId: string) => boolean,
  drawn: number,
  pageSize: number,
): Promise<NextPage> {
  const nodes = new Map<string, ApiNode>();
  const fresh: ApiEdge[] = [];
  let centre: string | undefined;
  let passed = 0;
  let cursor: string | undefined;
  let total: number;
  for (;;) {
    const limit = Math.min(largestPage, Math.max(1, pageSize - fresh.length + Math.max(0, drawn - passed)));
    const page = await fetchPage(cursor, limit);
    total = Number(page.meta?.total ?? 0);
    centre ??= page.meta?.centre as string | undefined;
    page.nodes.forEach((node) => nodes.set(node.id, node));
    for (const edge of page.edges) {
      if (isDrawn(edge.id)) passed += 1;
      else if (fresh.length < pageSize) fresh.push(edge);
    }
    cursor = page.next;
    if (fresh.length >= pageSize || cursor === undefined || page.edges.length === 0) break;
  }
  const kept = new Set([centre, ...fresh.flatMap((edge) => [edge.source, edge.target])]);
  return {
    graph: { nodes: [...nodes.values()].filter((node) => kept.has(node.id)), edges: fresh },
    total,
    drawnAfter: Math.min(total, drawn + fresh.length),
  };
}
