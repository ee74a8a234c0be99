import type { Graph } from '../api/api.js';

/** Merges graphs (paths, pages) into one, so one user action is one addition and one undo step. */
export function mergeGraphs(graphs: Graph[]): Graph {
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes.map((node) => [node.id, node] as const)));
  const edges = new Map(graphs.flatMap((graph) => graph.edges.map((edge) => [edge.id, edge] as const)));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The API caps a subgraph request at this many ids, and its `with` list at this many others. */
const subgraphLimit = 1000;
const withLimit = 10_000;

type FetchSubgraph = (ids: string[], withIds: string[]) => Promise<Graph>;

/**
 * The nodes of any number of ids and the relationships among them and with `context`, in requests of 1,000:
 * chunk k asks for its ids with the context and every earlier chunk (the nearest 10,000 of them).
 */
export async function subgraphInChunks(ids: string[], context: string[] = [], fetch: FetchSubgraph): Promise<Graph> {
  const graphs: Graph[] = [];
  for (let start = 0; start < ids.length; start += subgraphLimit) {
    const before = [...context, ...ids.slice(0, start)];
    graphs.push(await fetch(ids.slice(start, start + subgraphLimit), before.slice(-withLimit)));
  }
  return mergeGraphs(graphs);
}
