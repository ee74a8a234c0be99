import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import { api, type Graph, type Schema } from '../api/api';
import { queryClient, schemaQuery } from '../api/queries';
import type { Message } from '../app/Banner';
import { hiddenTypesFor, homeIds, homeTypes, pageSize } from '../app/dataset';
import type { CanvasAction, CanvasGraph, Filters } from '../graph/canvasState';
import type { ExpandChoice } from '../inspect/ExpandMenu';
import type { OpenedGraphChanges } from '../investigations/investigationsApi';
import type { ReadView, ViewState } from '../share/viewState';
import { nextPage } from './nextPage';
import { sharedNodes } from './sharedNodes';
import { mergeGraphs, subgraphInChunks } from './subgraph';

export { mergeGraphs };

/** How the page opened: on the default dataset's view or a link, on the schema of another graph, or on none. */
export type Start =
  | { kind: 'loading' }
  | { kind: 'opened' }
  | { kind: 'schema'; schema: Schema }
  | { kind: 'empty' }
  | { kind: 'failed'; message: string };

/** What the page opened on: what the URL held, or a saved investigation with its graph as it is now. */
export type Opening = ReadView | { kind: 'investigation'; view: ViewState; graph: Graph; changes: OpenedGraphChanges };

interface Options {
  opening: Opening;
  dispatch: Dispatch<CanvasAction>;
  graph: CanvasGraph;
  filters: Filters;
  notify: (message: Message | undefined) => void;
  highlight: (ids: Set<string>) => void;
}

/** What changed among an investigation's relationships since it was saved, said when it opens. */
function relationshipNotes({ relationshipsGone, relationshipsAdded }: OpenedGraphChanges): string[] {
  const count = (n: number) => (n === 1 ? '1 relationship' : `${n} relationships`);
  return [
    relationshipsGone.length
      ? `${count(relationshipsGone.length)} it held ${relationshipsGone.length === 1 ? 'is' : 'are'} no longer in the database.`
      : '',
    relationshipsAdded.length
      ? `${count(relationshipsAdded.length)} among its nodes ${relationshipsAdded.length === 1 ? 'was' : 'were'} added to the graph since it was saved, and ${relationshipsAdded.length === 1 ? 'is' : 'are'} not drawn.`
      : '',
  ];
}

/**
 * The ways the canvas grows: the opening view, additions (search, query results, paths), expansions and a
 * source's evidence. Every addition brings the relationships among the new nodes and those already drawn,
 * and is one undo step.
 */
export function useExplore({ opening, dispatch, graph, filters, notify, highlight }: Options) {
  const [start, setStart] = useState<Start>({ kind: 'loading' });
  /** Opening again after a failure (the Retry button) counts up. */
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => {
    setStart({ kind: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  const present = useRef(graph);
  const presentFilters = useRef(filters);
  useEffect(() => {
    present.current = graph;
    presentFilters.current = filters;
  });
  const subgraph = useCallback((ids: string[], withIds?: string[]) => api.subgraph(ids, withIds), []);
  const fail = useCallback((error: unknown) => notify({ kind: 'error', text: (error as Error).message }), [notify]);

  /** Adds a graph with its relationships to what is drawn; `show` un-hides relationship types in the same step. */
  const addGraph = useCallback(
    async (added: Graph, mode: 'add' | 'replace' = 'add', show?: Filters) => {
      const onCanvas = new Set(mode === 'add' ? Object.keys(present.current.nodes) : []);
      const fresh = added.nodes.map((node) => node.id).filter((id) => !onCanvas.has(id));
      let edges = added.edges;
      if (fresh.length) {
        const touches = new Set(fresh);
        try {
          const among = await subgraphInChunks(fresh, [...onCanvas], subgraph);
          edges = [...edges, ...among.edges.filter((edge) => touches.has(edge.source) || touches.has(edge.target))];
        } catch {
          // The additions still come, with the relationships they were given.
        }
      }
      const graph = { nodes: added.nodes, edges };
      dispatch(mode === 'add' ? { type: 'add', graph, filters: show } : { type: 'replace', graph });
    },
    [dispatch, subgraph],
  );

  // Open on the shared view, or on the default dataset's home view; a link that cannot be honoured says so.
  useEffect(() => {
    const openHome = async () => {
      const centre = await subgraph(homeIds);
      if (!centre.nodes.length) {
        // Another graph: it opens on its schema (the overview of the database), or the database is empty.
        const schema = await queryClient.fetchQuery(schemaQuery());
        // The dataset's hidden types stay hidden only where its model is (MENTIONED_IN may be the story).
        const { hiddenLabels, hiddenTypes } = presentFilters.current;
        const shown = hiddenTypesFor(hiddenTypes, schema);
        if (shown.length !== hiddenTypes.length) {
          dispatch({ type: 'open', graph: { nodes: [], edges: [] }, filters: { hiddenLabels, hiddenTypes: shown } });
        }
        setStart(schema.labels.some((label) => label.count > 0) ? { kind: 'schema', schema } : { kind: 'empty' });
        return;
      }
      // Only the home view's types this database has: one it lacks makes the server refuse the whole page.
      const present = new Set((await queryClient.fetchQuery(schemaQuery())).relationshipTypes.map((type) => type.name));
      const types = homeTypes.filter((type) => present.has(type));
      const pages = await Promise.all(
        centre.nodes.map((node) =>
          api
            .neighbours(node.id, { limit: pageSize, ...(types.length ? { types: types.join(',') } : {}) })
            .catch(() => undefined),
        ),
      );
      dispatch({ type: 'open', graph: mergeGraphs([centre, ...pages.filter((page) => page !== undefined)]) });
      setStart({ kind: 'opened' });
    };
    const start = async () => {
      if (opening.kind === 'damaged') {
        notify({
          kind: 'error',
          text: 'This link cannot be read (it is damaged or cut short), so the home view is shown instead.',
        });
        return openHome();
      }
      const shared = opening.kind === 'view' || opening.kind === 'investigation' ? opening.view : undefined;
      if (!shared?.ids.length) return openHome();
      const found = opening.kind === 'investigation' ? opening.graph : await subgraphInChunks(shared.ids, [], subgraph);
      const whose = opening.kind === 'investigation' ? "this investigation's" : "this link's";
      const { kept, missing, changed } = sharedNodes(shared.ids, shared.fingerprints, found);
      const list = (ids: string[]) => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? '…' : ''}`;
      if (!kept.length) {
        notify({
          kind: 'error',
          text: changed.length
            ? `All ${shared.ids.length} of ${whose} nodes are no longer in the database or now hold other content, so the home view is shown instead.`
            : `None of ${whose} ${shared.ids.length} nodes is in the database any more, so the home view is shown instead.`,
        });
        return openHome();
      }
      const one = (count: number, singular: string, plural: string) => (count === 1 ? singular : plural);
      const notes = [
        missing.length &&
          `${missing.length} of ${whose} ${shared.ids.length} nodes ${one(missing.length, 'is', 'are')} no longer in the database (${list(missing)}).`,
        changed.length &&
          `${changed.length} of ${whose} ${shared.ids.length} nodes now ${one(changed.length, 'holds', 'hold')} other content (${list(changed)}), so ${one(changed.length, 'it is', 'they are')} not drawn.`,
        ...(opening.kind === 'investigation' ? relationshipNotes(opening.changes) : []),
      ].filter(Boolean);
      if (notes.length) notify({ kind: 'info', text: `${notes.join(' ')} The rest are shown.` });
      const edges = new Set(shared.edges);
      const keptIds = new Set(kept.map((node) => node.id));
      dispatch({
        type: 'open',
        graph: {
          nodes: kept,
          edges: found.edges.filter(
            (edge) => edges.has(edge.id) && keptIds.has(edge.source) && keptIds.has(edge.target),
          ),
        },
      });
      setStart({ kind: 'opened' });
    };
    start().catch((error: unknown) => setStart({ kind: 'failed', message: (error as Error).message }));
  }, [opening, dispatch, notify, subgraph, attempt]);

  /** The next page of a node's neighbours, of one type and direction or of all: only ones not drawn yet. */
  const expand = async (nodeId: string, choice?: ExpandChoice) => {
    const ofExpansion = (edge: CanvasGraph['edges'][string]) =>
      choice
        ? edge.type === choice.type && (choice.direction === 'out' ? edge.source : edge.target) === nodeId
        : edge.source === nodeId || edge.target === nodeId;
    const drawn = Object.values(graph.edges).filter(ofExpansion).length;
    try {
      const {
        graph: page,
        total,
        drawnAfter,
      } = await nextPage(
        (cursor, limit) =>
          api.neighbours(nodeId, { types: choice?.type, direction: choice?.direction ?? 'both', limit, cursor }),
        (edgeId) => Object.hasOwn(graph.edges, edgeId),
        drawn,
        pageSize,
      );
      // A type the legend hides is shown when it is asked for by name: else its nodes would come unconnected.
      const unhide = choice && filters.hiddenTypes.includes(choice.type);
      await addGraph(
        page,
        'add',
        unhide ? { ...filters, hiddenTypes: filters.hiddenTypes.filter((type) => type !== choice.type) } : undefined,
      );
      const added = page.edges.length;
      const kind = choice ? `${choice.type} ` : '';
      const notes = [
        unhide && `${choice.type} relationships were hidden by the legend's filter; they are shown now.`,
        drawnAfter < total
          ? `Added ${added} ${kind}relationship${added === 1 ? '' : 's'}, most-connected first: ${drawnAfter} of ${total} are on the canvas. Expand again for more.`
          : (drawn > 0 || added < total) &&
            `All ${total} ${kind}relationship${total === 1 ? ' is' : 's are'} on the canvas${added ? '' : ' already'}.`,
      ].filter(Boolean);
      notify(notes.length ? { kind: 'info', text: notes.join(' ') } : undefined);
    } catch (error) {
      fail(error);
    }
  };

  /** Everything a source document supports, added and highlighted. */
  const showSource = async (sourceId: string) => {
    try {
      const result = await api.runQuery('source-evidence', { source: sourceId });
      await addGraph(result.graph);
      highlight(new Set([...result.graph.nodes.map((n) => n.id), ...result.graph.edges.map((e) => e.id)]));
      notify({
        kind: 'info',
        text: `${result.graph.edges.length} relationships cite this source; they are highlighted.`,
      });
    } catch (error) {
      fail(error);
    }
  };

  return { start, retry, addGraph, expand, showSource, fail };
}
