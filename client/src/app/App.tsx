import type { Position } from 'cytoscape';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { activity, api, type Graph } from '../api/api';
import { ElementList } from '../canvas/ElementList';
import { GraphCanvas, type GraphCanvasHandle, type Selection } from '../canvas/GraphCanvas';
import { layoutLabels, type LayoutName } from '../canvas/layouts';
import { FilterPanel } from '../filters/FilterPanel';
import { canvasReducer, emptyHistory, toGraph } from '../graph/canvasState';
import { ExpandMenu, type ExpandChoice } from '../inspect/ExpandMenu';
import { formatDate } from '../inspect/format';
import { InspectPanel } from '../inspect/InspectPanel';
import { CypherConsole } from '../queries/CypherConsole';
import { QueriesPanel } from '../queries/QueriesPanel';
import { SearchBox } from '../search/SearchBox';
import { exportCsv, exportJson, exportPng, exportSvg } from '../share/exportFiles';
import { decodeView, encodeView } from '../share/viewState';
import { TimeControls } from '../time/TimeControls';
import { dateSpan } from '../time/time';

const pageSize = 25;
/** The overview the page opens on, when the database has these nodes. */
const overviewIds = ['microsoft', 'openai'];

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
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
  const initialView = useMemo(() => decodeView(window.location.hash), []);
  const [history, dispatch] = useReducer(canvasReducer, emptyHistory);
  const graph = history.present;
  const canvas = useRef<GraphCanvasHandle>(null);
  const [selected, setSelected] = useState<Selection | undefined>(initialView?.selected);
  const [menu, setMenu] = useState<{ nodeId: string; at: { x: number; y: number } }>();
  const [pathFrom, setPathFrom] = useState<string>();
  const [highlighted, setHighlighted] = useState<Set<string>>(new Set());
  const [pinned, setPinned] = useState<Set<string>>(new Set());
  const [hiddenLabels, setHiddenLabels] = useState(new Set(initialView?.hiddenLabels ?? []));
  const [hiddenTypes, setHiddenTypes] = useState(new Set(initialView?.hiddenTypes ?? ['MENTIONED_IN']));
  const [asOf, setAsOf] = useState<string | undefined>(initialView?.asOf);
  const [compare, setCompare] = useState<{ from: string; to: string }>();
  const [layout, setLayout] = useState<LayoutName>(initialView?.layout ?? 'fcose');
  const [tab, setTab] = useState<'filters' | 'list' | 'queries' | 'console'>('filters');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string }>();
  const [initialPositions] = useState<Record<string, Position> | undefined>(initialView?.positions);
  const busy = useSlowActivity();

  const fail = useCallback((error: unknown) => setMessage({ kind: 'error', text: (error as Error).message }), []);
  const addGraph = useCallback(
    (added: Graph, mode: 'add' | 'replace' = 'add') => dispatch({ type: mode, graph: added }),
    [],
  );

  // Open on the shared view, or on the overview of the default dataset.
  useEffect(() => {
    const start = async () => {
      if (initialView?.ids.length) {
        const shared = await api.subgraph(initialView.ids);
        const edges = new Set(initialView.edges);
        addGraph({ nodes: shared.nodes, edges: shared.edges.filter((edge) => edges.has(edge.id)) }, 'replace');
        return;
      }
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
      addGraph({
        nodes: [...centre.nodes, ...pages.flatMap((page) => page?.nodes ?? [])],
        edges: [...centre.edges, ...pages.flatMap((page) => page?.edges ?? [])],
      });
    };
    start().catch(fail);
  }, [initialView, addGraph, fail]);

  // Keep the view in the URL, so a pasted link reopens the same picture.
  useEffect(() => {
    const timer = setTimeout(() => {
      const ids = Object.keys(graph.nodes);
      if (!ids.length) return;
      const hash = encodeView({
        ids,
        edges: Object.keys(graph.edges),
        positions: canvas.current?.positions() ?? {},
        asOf,
        selected,
        hiddenLabels: [...hiddenLabels],
        hiddenTypes: [...hiddenTypes],
        layout,
      });
      window.history.replaceState(null, '', hash);
    }, 800);
    return () => clearTimeout(timer);
  }, [graph, asOf, selected, hiddenLabels, hiddenTypes, layout]);

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
      addGraph(page);
      const total = Number(page.meta?.total ?? 0);
      if (page.meta?.truncated)
        setMessage({
          kind: 'info',
          text: `Added ${page.edges.length} of ${total} relationships, most-connected first. Expand again from the menu for more.`,
        });
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
      paths.forEach((path) => addGraph(path));
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
  };

  const showSource = async (sourceId: string) => {
    try {
      const result = await api.runQuery('source-evidence', { source: sourceId });
      addGraph(result.graph);
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

  const span = useMemo(
    () => dateSpan([...Object.values(graph.edges), ...Object.values(graph.nodes)].map((item) => item.properties)),
    [graph],
  );
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
    if (selected?.kind !== 'node') return [];
    return Object.values(graph.edges)
      .filter(
        (edge) =>
          (edge.source === selected.id || edge.target === selected.id) && typeof edge.properties.since === 'string',
      )
      .map((edge) => {
        const other = graph.nodes[edge.source === selected.id ? edge.target : edge.source];
        return {
          id: edge.id,
          date: edge.properties.since as string,
          precision: edge.properties.sincePrecision,
          text: `${edge.type} ${other?.caption ?? ''}`,
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
  }, [graph, selected]);

  return (
    <div className="app">
      <header className="toolbar">
        <h1>Entente</h1>
        <SearchBox
          onPick={(result) =>
            api.node(result.id).then(({ node }) => {
              addGraph({ nodes: [node], edges: [] });
              select({ kind: 'node', id: node.id });
            }, fail)
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
          <button onClick={() => canvas.current?.fit()}>Fit</button>
          <button onClick={() => exportPng(canvas.current!.png())}>PNG</button>
          <button onClick={() => exportSvg(canvas.current!.svg())}>SVG</button>
          <button onClick={() => exportJson(toGraph(graph))}>JSON</button>
          <button onClick={() => exportCsv(toGraph(graph))}>CSV</button>
          <button
            onClick={() => {
              void navigator.clipboard?.writeText(window.location.href);
              setMessage({ kind: 'info', text: 'Link to this view copied.' });
            }}
          >
            Share
          </button>
        </div>
        {busy && (
          <div className="loading" role="status">
            Loading…
          </div>
        )}
      </header>
      <TimeControls span={span} asOf={asOf} compare={compare} onAsOf={setAsOf} onCompare={setCompare} />
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
              onToggleLabel={(label) => setHiddenLabels(toggle(hiddenLabels, label))}
              onToggleType={(type) => setHiddenTypes(toggle(hiddenTypes, type))}
            />
          )}
          {tab === 'list' && <ElementList graph={graph} view={view} onSelect={select} />}
          {tab === 'queries' && <QueriesPanel onGraph={addGraph} />}
          {tab === 'console' && <CypherConsole onGraph={addGraph} />}
        </nav>
        <GraphCanvas
          ref={canvas}
          graph={graph}
          view={view}
          layout={layout}
          initialPositions={initialPositions}
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
                    <time>{formatDate(entry.date, entry.precision)}</time> {entry.text}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      </main>
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
