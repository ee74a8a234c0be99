import type { ApiEdge, ApiNode, Graph } from '../api/api';
import { hiddenTypesByDefault } from '../app/dataset';
import { dict } from '../app/records';
import type { ValueFilter } from '../filters/valueFilters';

/**
 * What is on the canvas: the data only; Cytoscape draws it and owns the positions while it does. Both records
 * are keyed by API ids and have no prototype (records.ts): a node may have the id `__proto__` or `constructor`.
 */
export interface CanvasGraph {
  nodes: Record<string, ApiNode>;
  edges: Record<string, ApiEdge>;
}

/** Which kinds are filtered out: part of the history, so a filter change is undone like any other. */
export interface Filters {
  hiddenLabels: string[];
  hiddenTypes: string[];
  /** Filters by property value (filters/valueFilters.ts), in the order they were set. */
  valueFilters?: ValueFilter[];
}

/** One step of the history: the canvas and its filters as they were. */
export interface Snapshot {
  graph: CanvasGraph;
  filters: Filters;
}

/**
 * The canvas with undo and redo. One user action is one step; `open` sets the view the page opened on,
 * which is the floor: nothing before it can be undone.
 */
export interface History {
  past: Snapshot[];
  present: CanvasGraph;
  filters: Filters;
  future: Snapshot[];
}

export type CanvasAction =
  | { type: 'open'; graph: Graph; filters?: Filters }
  | { type: 'filter'; filters: Filters }
  /** `filters`, when given, change in the same step (a hidden type asked for by name is shown). */
  | { type: 'add'; graph: Graph; filters?: Filters }
  | { type: 'replace'; graph: Graph }
  /**
   * Elements as the server has them now (after an edit): those on the canvas take the new properties in place
   * (no undo step: the canvas shows the same things), new ones are added (an undo step, as any addition).
   */
  | { type: 'refresh'; graph: Graph }
  | { type: 'remove'; ids: string[] }
  | { type: 'keepOnly'; ids: string[] }
  | { type: 'collapse'; id: string }
  | { type: 'undo' }
  | { type: 'redo' };

export const emptyGraph: CanvasGraph = { nodes: dict(), edges: dict() };
export const defaultFilters: Filters = { hiddenLabels: [], hiddenTypes: hiddenTypesByDefault };
export const emptyHistory: History = { past: [], present: emptyGraph, filters: defaultFilters, future: [] };

const maxHistory = 100;

/** Keeps only edges whose two ends are on the canvas. */
function withConnectedEdges(nodes: CanvasGraph['nodes'], edges: ApiEdge[]): CanvasGraph {
  return {
    nodes,
    edges: dict(edges.filter((e) => nodes[e.source] && nodes[e.target]).map((e) => [e.id, e])),
  };
}

function addGraph(current: CanvasGraph, graph: Graph): CanvasGraph {
  const nodes = dict(Object.entries(current.nodes));
  for (const node of graph.nodes) nodes[node.id] = node;
  return withConnectedEdges(nodes, [...Object.values(current.edges), ...graph.edges]);
}

function keep(current: CanvasGraph, keepNode: (id: string) => boolean): CanvasGraph {
  const nodes = dict(Object.entries(current.nodes).filter(([id]) => keepNode(id)));
  return withConnectedEdges(nodes, Object.values(current.edges));
}

function change(
  current: CanvasGraph,
  action: Exclude<CanvasAction, { type: 'undo' | 'redo' | 'open' | 'filter' | 'refresh' }>,
): CanvasGraph {
  switch (action.type) {
    case 'add':
      return addGraph(current, action.graph);
    case 'replace':
      return addGraph(emptyGraph, action.graph);
    case 'remove': {
      // A node's id takes its relationships with it; a relationship's id (one an edit undid) takes it alone.
      const removed = new Set(action.ids);
      const nodes = dict(Object.entries(current.nodes).filter(([id]) => !removed.has(id)));
      return withConnectedEdges(
        nodes,
        Object.values(current.edges).filter((edge) => !removed.has(edge.id)),
      );
    }
    case 'keepOnly': {
      const kept = new Set(action.ids);
      return keep(current, (id) => kept.has(id));
    }
    case 'collapse': {
      const leaves = new Set(collapsibleNeighbours(current, action.id));
      return keep(current, (id) => !leaves.has(id));
    }
  }
}

/** The neighbours of a node that hang on it alone: what collapsing it removes. */
export function collapsibleNeighbours(graph: CanvasGraph, id: string): string[] {
  const links = new Map<string, Set<string>>();
  for (const edge of Object.values(graph.edges)) {
    for (const [from, to] of [
      [edge.source, edge.target],
      [edge.target, edge.source],
    ] as const) {
      if (!links.has(from)) links.set(from, new Set());
      links.get(from)!.add(to);
    }
  }
  return [...(links.get(id) ?? [])].filter((neighbour) => neighbour !== id && links.get(neighbour)!.size === 1);
}

const sortedFilters = (filters: Filters): Filters => ({
  hiddenLabels: [...filters.hiddenLabels].sort(),
  hiddenTypes: [...filters.hiddenTypes].sort(),
  ...(filters.valueFilters?.length ? { valueFilters: filters.valueFilters } : {}),
});

/** Canvas changes with undo and redo; a change that changes nothing is not recorded. */
export function canvasReducer(history: History, action: CanvasAction): History {
  const now: Snapshot = { graph: history.present, filters: history.filters };
  switch (action.type) {
    case 'undo': {
      const previous = history.past.at(-1);
      if (!previous) return history;
      return {
        past: history.past.slice(0, -1),
        present: previous.graph,
        filters: previous.filters,
        future: [now, ...history.future],
      };
    }
    case 'redo': {
      const next = history.future[0];
      if (!next) return history;
      return {
        past: [...history.past, now],
        present: next.graph,
        filters: next.filters,
        future: history.future.slice(1),
      };
    }
    case 'open':
      return {
        past: [],
        present: addGraph(emptyGraph, action.graph),
        filters: sortedFilters(action.filters ?? history.filters),
        future: [],
      };
    case 'refresh': {
      const present = addGraph(history.present, action.graph);
      if (sameGraph(present, history.present)) return { ...history, present };
      return { past: [...history.past, now].slice(-maxHistory), present, filters: history.filters, future: [] };
    }
    case 'filter': {
      const filters = sortedFilters(action.filters);
      if (sameFilters(filters, history.filters)) return history;
      return { past: [...history.past, now].slice(-maxHistory), present: history.present, filters, future: [] };
    }
    default: {
      const present = change(history.present, action);
      const filters = action.type === 'add' && action.filters ? sortedFilters(action.filters) : history.filters;
      if (sameGraph(present, history.present) && sameFilters(filters, history.filters)) return history;
      return { past: [...history.past, now].slice(-maxHistory), present, filters, future: [] };
    }
  }
}

function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.hiddenLabels.join('\n') === b.hiddenLabels.join('\n') &&
    a.hiddenTypes.join('\n') === b.hiddenTypes.join('\n') &&
    JSON.stringify(a.valueFilters ?? []) === JSON.stringify(b.valueFilters ?? [])
  );
}

function sameGraph(a: CanvasGraph, b: CanvasGraph): boolean {
  const keys = (record: object) => Object.keys(record).sort().join('\n');
  return keys(a.nodes) === keys(b.nodes) && keys(a.edges) === keys(b.edges);
}

/** The canvas as the API's Graph shape (for export). */
export function toGraph(graph: CanvasGraph): Graph {
  return { nodes: Object.values(graph.nodes), edges: Object.values(graph.edges) };
}
