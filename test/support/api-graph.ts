import type { ApiEdge, ApiNode } from '../../client/src/api/api.js';

/** A node of the API's graph shape, for client tests: `caption` defaults to the id. */
export function apiNode(id: string, caption = id, labels = ['Thing']): ApiNode {
  return { id, labels, caption, properties: {} };
}

/** A relationship of the API's graph shape, for client tests. */
export function apiEdge(
  id: string,
  type: string,
  source: string,
  target: string,
  properties: Record<string, unknown> = {},
): ApiEdge {
  return { id, type, source, target, properties };
}
