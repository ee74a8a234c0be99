import type { Position } from 'cytoscape';
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { activity, api, type Graph } from '../api/api';
import { ElementList } from '../canvas/ElementList';
import { GraphCanvas, type GraphCanvasHandle, type Selection } from '../canvas/GraphCanvas';
import { layoutLabels, type LayoutName } from '../canvas/layouts';
import { FilterPanel } from '../filters/FilterPanel';
import { canvasReducer, defaultFilters, emptyHistory, toGraph, type Filters } from '../graph/canvasState';
import { ExpandMenu, type ExpandChoice } from '../inspect/ExpandMenu';
import { InspectPanel } from '../inspect/InspectPanel';
import { QueriesPanel } from '../queries/QueriesPanel';
import { ResultDrawer, type ShownResult } from '../queries/ResultDrawer';
import { SearchBox } from '../search/SearchBox';
import { exportCsv, exportJson, exportPng, exportSvg } from '../share/exportFiles';
import { encodeView, readView } from '../share/viewState';
import { TimeControls } from '../time/TimeControls';
import { dateSpan, timeDefaults } from '../time/time';
import { timelineOf } from '../time/timeline';

// The console's editor is most of the client's weight: it is loaded when its tab is first opened.
const CypherConsole = lazy(() =>
  import('../queries/CypherConsole').then((module) => ({ default: module.CypherConsole })),
);

const pageSize = 25;
/** The overview the page opens on, when the database has these nodes. */
const overviewIds = ['microsoft', 'openai'];

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

const toggled = (list: string[], value: string) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

/** The API caps a subgraph request at this many ids. */
const subgraphLimit = 1000;

/** Merges graphs (paths, pages) into one, so one user action is one addition and one undo step. */
function mergeGraphs(graphs: Graph[]): Graph {
  const nodes = new Map(graphs.flatMap((graph) => graph.nodes.map((node) => [node.id, node] as const)));
  const edges = new Map(graphs.flatMap((graph) => graph.edges.map((edge) => [edge.id, edge] as const)));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Shows the loading bar only for requests that take longer than 300 ms. */
function useSlowActivity(): boolean {
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (event: Event) => {
      const count = (event as CustomEvent<number>).detail;
      clearTimeout(timer);
      if (count > 0) timer = setTimeout(() => setBusy(true), 300);
      else setBusy(false);
    };
    activity.addEventListener('change', listener);
    return () => activity.removeEventListener('change', listener);
  }, []);
  return busy;
}

export function App() {
  const [opening] = useState(() => readView(window.location.hash));
  const initialView = opening.kind === 'view' ? opening.view : undefined;
  const [history, dispatch] = useReducer(canvasReducer, undefined, () => ({
    ...emptyHistory,
    filters: initialView
      ? { hiddenLabels: initialView.hiddenLabels, hiddenTypes: initialView.hiddenTypes }
      : defaultFilters,
  }));
  const graph = history.present;
  const { filters } = history;
  const hiddenLabels = useMemo(() => new Set(filters.hiddenLabels), [filters]);
  const hiddenTypes = useMemo(() => new Set(filters.hiddenTypes), [filters]);
  const canvas = useRef<GraphCanvasHandle>(null);
  const [selected, setSelected] = useState<Selection | undefined>(initialView?.selected);
  /** The node whose timeline shows: the selected node, kept while one of its relationships is selected. */
  const [timelineNode, setTimelineNode] = useState(
    initialView?.selected?.kind === 'node' ? initialView.selected.id : undefined,
  );
  const [menu, setMenu] = useState<{ nodeId: string; at: { x: number; y: number } }>();
  const [pathFrom, setPathFrom] = useState<string>();
  const [highlighted, setHighlighted] = useState<Set<string>>(new Set());
  const [pinned, setPinned] = useState<Set<string>>(new Set());
  const [asOf, setAsOf] = useState<string | undefined>(initialView?.asOf);
  const [compare, setCompare] = useState<{ from: string; to: string }>();
  const [layout, setLayout] = useState<LayoutName>(initialView?.layout ?? 'fcose');
  const [tab, setTab] = useState<'filters' | 'list' | 'queries' | 'console'>('filters');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string }>();
  const [results, setResults] = useState<ShownResult>();
  const [initialPositions] = useState<Record<string, Position> | undefined>(initialView?.positions);
  const [initialViewport] = useState(() =>
    initialView?.zoom && initialView.pan ? { zoom: initialView.zoom, pan: initialView.pan } : undefined,
  );
  const busy = useSlowActivity();
  const present = useRef(graph);
  present.current = graph;

  const fail = useCallback((error: unknown) => setMessage({ kind: 'error', text: (error as Error).message }), []);

  /**
   * Adds nodes and relationships with the relationships among the new nodes and those already drawn, so
   * that nothing arrives unconnected; one call is one undo step. `show` also un-hides relationship types.
   */
  const addGraph = useCallback(async (added: Graph, mode: 'add' | 'replace' = 'add', show?: Filters) => {
    const onCanvas = mode === 'add' ? Object.keys(present.current.nodes) : [];
    const fresh = added.nodes.map((node) => node.id).filter((id) => !onCanvas.includes(id));
    let edges = added.edges;
    if (fresh.length) {
      const ids = [...new Set([...fresh, ...onCanvas])].slice(0, subgraphLimit);
      const touches = new Set(fresh);
      try {
        const among = await api.subgraph(ids);
        edges = [...edges, ...among.edges.filter((edge) => touches.has(edge.source) || touches.has(edge.target))];
      } catch {
        // The additions still come, with the relationships they were given.
      }
    }
    const graph = { nodes: added.nodes, edges };
    dispatch(mode === 'add' ? { type: 'add', graph, filters: show } : { type: 'replace', graph });
  }, []);

  // Open on the shared view, or on the overview of the default dataset; a link that cannot be honoured says so.
  useEffect(() => {
    const overview = async () => {
      const centre = await api.subgraph(overviewIds);
      if (!centre.nodes.length) {
        setMessage({ kind: 'info', text: 'Search for a node to start exploring.' });
        return;
      }
      const pages = await Promise.all(
        centre.nodes.map((node) =>
          api
            .neighbours(node.id, {
              limit: pageSize,
              types: 'PARTY_TO,INVESTED_IN,PROVIDES_CLOUD_TO,PARTNER_IN,FOUNDED,COMPETES_WITH,HOLDS_STAKE_IN',
            })
            .catch(() => undefined),
        ),
      );
      dispatch({ type: 'open', graph: mergeGraphs([centre, ...pages.filter((page) => page !== undefined)]) });
    };
    const start = async () => {
      if (opening.kind === 'damaged') {
        setMessage({
          kind: 'error',
          text: 'This link cannot be read (it is damaged or cut short), so the overview is shown instead.',
        });
        return overview();
      }
      if (!initialView?.ids.length) return overview();
      const shared = await api.subgraph(initialView.ids.slice(0, subgraphLimit));
      const found = new Set(shared.nodes.map((node) => node.id));
      const missing = initialView.ids.filter((id) => !found.has(id));
      if (!found.size) {
        setMessage({
          kind: 'error',
          text: `None of this link's ${initialView.ids.length} nodes is in the database any more, so the overview is shown instead.`,
        });
        return overview();
      }
      if (missing.length)
        setMessage({
          kind: 'info',
          text: `${missing.length} of this link's ${initialView.ids.length} nodes are no longer in the database (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}); the rest are shown.`,
        });
      const edges = new Set(initialView.edges);
      dispatch({
        type: 'open',
        graph: { nodes: shared.nodes, edges: shared.edges.filter((edge) => edges.has(edge.id)) },
      });
    };
    start().catch(fail);
  }, [opening, initialView, fail]);

  // The view in the URL, so a pasted link reopens the same picture: written when the state changes, when a
  // layout ends, a node is dropped or the view is panned or zoomed, and on Share.
  const latest = useRef({ graph, asOf, selected, filters, layout });
  latest.current = { graph, asOf, selected, filters, layout };
  const writeUrl = useCallback(() => {
    const { graph: shown, asOf: date, selected: selection, filters: hidden, layout: name } = latest.current;
    const ids = Object.keys(shown.nodes);
    if (!ids.length || !canvas.current) return;
    const { zoom, pan } = canvas.current.viewport();
    const hash = encodeView({
      ids,
      edges: Object.keys(shown.edges),
      positions: canvas.current.positions(),
      asOf: date,
      selected: selection,
      hiddenLabels: hidden.hiddenLabels,
      hiddenTypes: hidden.hiddenTypes,
      layout: name,
      zoom: Math.round(zoom * 1000) / 1000,
      pan: { x: Math.round(pan.x), y: Math.round(pan.y) },
    });
    window.history.replaceState(null, '', hash);
  }, []);
  useEffect(writeUrl, [graph, asOf, selected, filters, layout, writeUrl]);

  // Ctrl/Cmd-Z undoes and Ctrl/Cmd-Shift-Z (or Ctrl-Y) redoes canvas changes, outside text fields.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if ((key === 'z' && event.shiftKey) || key === 'y') dispatch({ type: 'redo' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const expand = async (nodeId: string, choice?: ExpandChoice) => {
    setMenu(undefined);
    // Each expansion of a type brings the next page: skip what the canvas already shows of it.
    const shown = choice
      ? Object.values(graph.edges).filter(
          (edge) => edge.type === choice.type && (choice.direction === 'out' ? edge.source : edge.target) === nodeId,
        ).length
      : 0;
    try {
      const page = await api.neighbours(nodeId, {
        types: choice?.type,
        direction: choice?.direction ?? 'both',
        limit: pageSize,
        skip: shown,
      });
      // A type the legend hides is shown when it is asked for by name: else its nodes would come unconnected.
      const unhide = choice && hiddenTypes.has(choice.type);
      await addGraph(
        page,
        'add',
        unhide ? { ...filters, hiddenTypes: filters.hiddenTypes.filter((type) => type !== choice.type) } : undefined,
      );
      const total = Number(page.meta?.total ?? 0);
      const shownNow = shown + page.edges.length;
      const notes = [
        unhide && `${choice.type} relationships were hidden by the legend's filter; they are shown now.`,
        page.meta?.truncated
          ? `Added ${shownNow} of ${total} relationships, most-connected first. Expand again from the menu for more.`
          : shown > 0 &&
            `All ${shownNow} ${choice?.type ?? ''} relationship${shownNow === 1 ? ' is' : 's are'} on the canvas.`,
      ].filter(Boolean);
      setMessage(notes.length ? { kind: 'info', text: notes.join(' ') } : undefined);
    } catch (error) {
      fail(error);
    }
  };

  const findPaths = async (from: string, to: string) => {
    setPathFrom(undefined);
    try {
      const { paths } = await api.paths(from, to);
      if (!paths.length) {
        setMessage({ kind: 'info', text: 'No path of 4 hops or fewer joins these two nodes.' });
        return;
      }
      await addGraph(mergeGraphs(paths));
      setHighlighted(
        new Set(paths.flatMap((path) => [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)])),
      );
      setMessage({ kind: 'info', text: `${paths.length} shortest path${paths.length > 1 ? 's' : ''} highlighted.` });
    } catch (error) {
      fail(error);
    }
  };

  const select = (selection: Selection | undefined) => {
    setMenu(undefined);
    if (pathFrom && selection?.kind === 'node' && selection.id !== pathFrom) void findPaths(pathFrom, selection.id);
    setSelected(selection);
    if (selection?.kind !== 'edge') setTimelineNode(selection?.id);
  };

  const showSource = async (sourceId: string) => {
    try {
      const result = await api.runQuery('source-evidence', { source: sourceId });
      await addGraph(result.graph);
      setHighlighted(new Set([...result.graph.nodes.map((n) => n.id), ...result.graph.edges.map((e) => e.id)]));
      setMessage({
        kind: 'info',
        text: `${result.graph.edges.length} relationships cite this source; they are highlighted.`,
      });
    } catch (error) {
      fail(error);
    }
  };

  const counts = useMemo(() => {
    const labels = new Map<string, number>();
    const types = new Map<string, number>();
    for (const node of Object.values(graph.nodes))
      for (const label of node.labels) labels.set(label, (labels.get(label) ?? 0) + 1);
    for (const edge of Object.values(graph.edges)) types.set(edge.type, (types.get(edge.type) ?? 0) + 1);
    return { labels: [...labels].sort(), types: [...types].sort() };
  }, [graph]);

  const { span, defaults } = useMemo(() => {
    const dated = [...Object.values(graph.edges), ...Object.values(graph.nodes)].map((item) => item.properties);
    return { span: dateSpan(dated), defaults: timeDefaults(dated) };
  }, [graph]);
  const view = useMemo(
    () => ({ asOf, compare, hiddenLabels, hiddenTypes, highlighted, pinned }),
    [asOf, compare, hiddenLabels, hiddenTypes, highlighted, pinned],
  );

  const inspected =
    selected?.kind === 'node' && graph.nodes[selected.id]
      ? { kind: 'node' as const, node: graph.nodes[selected.id]! }
      : selected?.kind === 'edge' && graph.edges[selected.id]
        ? {
            kind: 'edge' as const,
            edge: graph.edges[selected.id]!,
            source: graph.nodes[graph.edges[selected.id]!.source],
            target: graph.nodes[graph.edges[selected.id]!.target],
          }
        : undefined;

  const timeline = useMemo(() => {
    const edge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
    const shows = selected?.kind === 'node' || (edge && (edge.source === timelineNode || edge.target === timelineNode));
    return shows && timelineNode ? timelineOf(timelineNode, graph.nodes, graph.edges) : [];
  }, [graph, selected, timelineNode]);

  return (
    <div className="app">
      <header className="toolbar">
        <h1>Entente</h1>
        <SearchBox
          onPick={(result) =>
            api
              .node(result.id)
              .then(async ({ node }) => {
                await addGraph({ nodes: [node], edges: [] });
                select({ kind: 'node', id: node.id });
              })
              .catch(fail)
          }
        />
        <div className="tools" role="toolbar" aria-label="Canvas tools">
          <button onClick={() => dispatch({ type: 'undo' })} disabled={!history.past.length} title="Undo">
            Undo
          </button>
          <button onClick={() => dispatch({ type: 'redo' })} disabled={!history.future.length} title="Redo">
            Redo
          </button>
          <select
            aria-label="Layout"
            value={layout}
            onChange={(event) => {
              const next = event.target.value as LayoutName;
              setLayout(next);
              canvas.current?.relayout(next);
            }}
          >
            {Object.entries(layoutLabels).map(([name, label]) => (
              <option key={name} value={name}>
                {label}
              </option>
            ))}
          </select>
          <button onClick={() => canvas.current?.fit()} title="Fit what is shown">
            Fit
          </button>
          <button onClick={() => exportPng(canvas.current!.png())}>PNG</button>
          <button onClick={() => exportSvg(canvas.current!.svg())}>SVG</button>
          <button onClick={() => exportJson(toGraph(graph))}>JSON</button>
          <button onClick={() => exportCsv(toGraph(graph))}>CSV</button>
          <button
            onClick={() => {
              writeUrl();
              void navigator.clipboard?.writeText(window.location.href);
              setMessage({ kind: 'info', text: 'Link to this view copied.' });
            }}
          >
            Share
          </button>
        </div>
        <div className={busy ? 'loading busy' : 'loading'} role="status">
          Loading…
        </div>
      </header>
      <TimeControls
        span={span}
        defaults={defaults}
        asOf={asOf}
        compare={compare}
        onAsOf={setAsOf}
        onCompare={setCompare}
      />
      {message && (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}{' '}
          <button onClick={() => setMessage(undefined)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {pathFrom && (
        <div className="banner info" role="status">
          Select the second node to find paths from {graph.nodes[pathFrom]?.caption}.{' '}
          <button onClick={() => setPathFrom(undefined)}>Cancel</button>
        </div>
      )}
      <main className="workspace">
        <nav className="side" aria-label="Panels">
          <div className="tabs" role="tablist">
            {(
              [
                ['filters', 'Legend'],
                ['list', 'List'],
                ['queries', 'Queries'],
                ['console', 'Cypher'],
              ] as const
            ).map(([name, label]) => (
              <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
                {label}
              </button>
            ))}
          </div>
          {tab === 'filters' && (
            <FilterPanel
              labels={counts.labels}
              types={counts.types}
              hiddenLabels={hiddenLabels}
              hiddenTypes={hiddenTypes}
              onToggleLabel={(label) =>
                dispatch({
                  type: 'filter',
                  filters: { ...filters, hiddenLabels: toggled(filters.hiddenLabels, label) },
                })
              }
              onToggleType={(type) =>
                dispatch({ type: 'filter', filters: { ...filters, hiddenTypes: toggled(filters.hiddenTypes, type) } })
              }
            />
          )}
          {tab === 'list' && <ElementList graph={graph} view={view} onSelect={select} />}
          {tab === 'queries' && (
            <QueriesPanel onGraph={(added, mode) => void addGraph(added, mode)} onResult={setResults} />
          )}
          {tab === 'console' && (
            <Suspense fallback={<p className="hint">Loading the Cypher editor…</p>}>
              <CypherConsole onGraph={(added, mode) => void addGraph(added, mode)} onResult={setResults} />
            </Suspense>
          )}
        </nav>
        <GraphCanvas
          ref={canvas}
          graph={graph}
          view={view}
          layout={layout}
          initialPositions={initialPositions}
          initialViewport={initialViewport}
          onViewChange={writeUrl}
          selected={selected}
          onSelect={select}
          onExpand={(id) => void expand(id)}
          onContextMenu={(nodeId, at) => setMenu({ nodeId, at })}
          onError={fail}
        />
        <div className="details">
          {inspected ? (
            <InspectPanel
              item={inspected}
              onShowSource={(id) => void showSource(id)}
              onOpenMenu={(nodeId, at) => setMenu({ nodeId, at })}
            />
          ) : (
            <p className="hint">
              Select a node or relationship to see its details and evidence. Double-click a node to expand it;
              right-click for more.
            </p>
          )}
          {timeline.length > 0 && (
            <section className="timeline" aria-label="Timeline">
              <h3>Timeline</h3>
              <ol>
                {timeline.map((entry) => (
                  <li key={entry.id}>
                    <button
                      className="link"
                      aria-current={selected?.kind === 'edge' && selected.id === entry.id ? 'true' : undefined}
                      onClick={() => {
                        const selection = { kind: 'edge' as const, id: entry.id };
                        setSelected(selection);
                        canvas.current?.centre(selection);
                      }}
                    >
                      <time dateTime={entry.date}>{entry.when}</time> {entry.sentence}
                    </button>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      </main>
      {results && (
        <ResultDrawer
          shown={results}
          onClose={() => setResults(undefined)}
          onSelectRow={(nodes, edges) => {
            setHighlighted(new Set([...nodes.map((node) => node.id), ...edges.map((edge) => edge.id)]));
            const first = nodes[0]
              ? { kind: 'node' as const, id: nodes[0].id }
              : edges[0] && { kind: 'edge' as const, id: edges[0].id };
            if (!first) return;
            select(first);
            canvas.current?.centre(first);
          }}
        />
      )}
      {menu && (
        <ExpandMenu
          nodeId={menu.nodeId}
          at={menu.at}
          pageSize={pageSize}
          onClose={() => setMenu(undefined)}
          onExpand={(choice) => void expand(menu.nodeId, choice)}
          onAction={(action) => {
            setMenu(undefined);
            if (action === 'hide') dispatch({ type: 'remove', ids: [menu.nodeId] });
            if (action === 'collapse') dispatch({ type: 'collapse', id: menu.nodeId });
            if (action === 'keep-selection') dispatch({ type: 'keepOnly', ids: [menu.nodeId] });
            if (action === 'pin') setPinned(toggle(pinned, menu.nodeId));
            if (action === 'path-from') setPathFrom(menu.nodeId);
          }}
        />
      )}
    </div>
  );
}
