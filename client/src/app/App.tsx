import { useQuery } from '@tanstack/react-query';
import type { Position } from 'cytoscape';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { NeedsScope } from '../accounts/NeedsScope';
import { MeasuresPanel } from '../analytics/MeasuresPanel';
import { NodeMeasures } from '../analytics/NodeMeasures';
import { RankingDrawer } from '../analytics/RankingDrawer';
import { useAnalytics } from '../analytics/useAnalytics';
import { activity, api } from '../api/api';
import { nodeQuery, queryClient, schemaQuery } from '../api/queries';
import { groupEdges, pairKey } from '../canvas/edgeGroups';
import { ElementList } from '../canvas/ElementList';
import { GraphCanvas, type GraphCanvasHandle, type Selection } from '../canvas/GraphCanvas';
import type { LayoutName } from '../canvas/layouts';
import { DisagreementsPanel } from '../evidence/Disagreements';
import { StartScreen } from '../explore/StartScreen';
import { useExplore, type Opening } from '../explore/useExplore';
import { FilterPanel } from '../filters/FilterPanel';
import { defaultFilters, toGraph } from '../graph/canvasState';
import { useCanvasHistory } from '../graph/useCanvasHistory';
import { ExpandMenu } from '../inspect/ExpandMenu';
import { InspectPanel } from '../inspect/InspectPanel';
import { InvestigationBar } from '../investigations/InvestigationBar';
import type { Investigation, InvestigationSummary } from '../investigations/investigationsApi';
import { NotesPanel } from '../investigations/NotesPanel';
import { PresentMode } from '../investigations/PresentMode';
import { useInvestigation } from '../investigations/useInvestigation';
import { useNotes, type NoteTarget } from '../investigations/useNotes';
import { useMe } from '../accounts/useMe';
import type { RankedPath } from '../paths/pathChain';
import { PathPanel } from '../paths/PathPanel';
import { usePathExclude } from '../paths/usePathExclude';
import { QueriesPanel } from '../queries/QueriesPanel';
import { loadStyles, saveStyles, type LabelStyles } from '../styling/labelStyles';
import { ResultDrawer, type ShownResult } from '../queries/ResultDrawer';
import { exportCsv, exportGraphFile, exportJson, exportPng, exportSvg } from '../share/exportFiles';
import { captureView, useViewInUrl } from '../share/useViewInUrl';
import { encodeView, readView } from '../share/viewState';
import { ChangesList } from '../time/ChangesList';
import { datingEntries, timeOf } from '../time/dating';
import { DatingControl } from '../time/DatingDialog';
import { Timeline } from '../time/Timeline';
import { TimeControls } from '../time/TimeControls';
import { dateSpan, timeDefaults } from '../time/time';
import { useTimeline } from '../time/useTimeline';
import { useDating } from '../time/useDating';
import { Banner, type Message } from './Banner';
import { hasDatasetModel, pageSize } from './dataset';
import { dict } from './records';
import { Toolbar, type ExportKind } from './Toolbar';
import { useSlowActivity } from './useSlowActivity';

// Parts most visits never open are loaded when first opened, off the explorer's first load: the import
// panel, an investigation's sharing and versions dialogs, and the console (its editor is the client's
// heaviest part).
const ImportPanel = lazy(() => import('../imports/ImportPanel').then((module) => ({ default: module.ImportPanel })));
const ShareDialog = lazy(() =>
  import('../investigations/ShareDialog').then((module) => ({ default: module.ShareDialog })),
);
const VersionsDialog = lazy(() =>
  import('../investigations/VersionsDialog').then((module) => ({ default: module.VersionsDialog })),
);
const CypherConsole = lazy(() =>
  import('../queries/CypherConsole').then((module) => ({ default: module.CypherConsole })),
);
// Editing (issue 26): the Edit tab, loaded when first opened.
const EditPanel = lazy(() => import('../editing/EditPanel').then((module) => ({ default: module.EditPanel })));

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

const toggled = (list: string[], value: string) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

interface Props {
  /** A saved investigation to open, with its graph as it is now; else what the URL holds. */
  opening?: Opening;
  investigation?: Investigation;
  /** The read-only view embedded in another page: the canvas, its notes and present mode, nothing else. */
  embedded?: boolean;
  /** A new investigation was saved from this page. */
  onAdopt?: (investigation: InvestigationSummary) => void;
}

const noAdoption = () => undefined;

/**
 * The explorer's page: it holds the view state (selection, time, layout, panels) and wires the canvas
 * history (useCanvasHistory), the ways the canvas grows (useExplore) and the URL (useViewInUrl) to the
 * toolbar, the panels and the canvas.
 */
export function App({ opening: given, investigation, embedded = false, onAdopt = noAdoption }: Props = {}) {
  const [opening] = useState<Opening>(() => given ?? readView(window.location.hash));
  const initialView = opening.kind === 'view' || opening.kind === 'investigation' ? opening.view : undefined;
  const { history, dispatch, graph, filters, hiddenLabels, hiddenTypes } = useCanvasHistory(
    initialView ? { hiddenLabels: initialView.hiddenLabels, hiddenTypes: initialView.hiddenTypes } : defaultFilters,
  );
  const canvas = useRef<GraphCanvasHandle>(null);
  const [selected, setSelected] = useState<Selection | undefined>(initialView?.selected);
  /** The node whose timeline shows: the selected node, kept while one of its relationships is selected. */
  const [timelineNode, setTimelineNode] = useState(
    initialView?.selected?.kind === 'node' ? initialView.selected.id : undefined,
  );
  const [menu, setMenu] = useState<{ nodeId: string; at: { x: number; y: number } }>();
  const [pathFrom, setPathFrom] = useState<string>();
  /** The two nodes whose paths are listed. */
  const [pathEnds, setPathEnds] = useState<{ from: string; to: string }>();
  const [highlighted, setHighlighted] = useState<Set<string>>(new Set());
  const [pinned, setPinned] = useState<Set<string>>(() => new Set(initialView?.pinned));
  const [asOf, setAsOf] = useState<string | undefined>(initialView?.asOf);
  const [compare, setCompare] = useState<{ from: string; to: string }>();
  const [layout, setLayout] = useState<LayoutName>(initialView?.layout ?? 'fcose');
  /** Styles per label: a shared link's, else the ones this browser kept. */
  const [styles, setStyles] = useState<LabelStyles>(() => initialView?.styles ?? loadStyles());
  const [tab, setTab] = useState<
    'filters' | 'list' | 'queries' | 'console' | 'disagreements' | 'notes' | 'import' | 'edit'
  >(investigation ? 'notes' : 'filters');
  const [dialog, setDialog] = useState<'share' | 'versions' | 'present'>();
  const { can } = useMe();
  // Disagreements between sources are the default dataset's: other graphs have no such tab.
  const datasetModel = hasDatasetModel(useQuery(schemaQuery()).data);
  const [message, setMessage] = useState<Message>();
  /** An info banner tells of the last action: the next one (a search, a path search, undo) takes it away. */
  const dropInfo = () => setMessage((shown) => (shown?.kind === 'info' ? undefined : shown));
  const [results, setResults] = useState<ShownResult>();
  /** Pairs of nodes whose relationships are drawn one by one rather than folded into one counted edge. */
  const [unfolded, setUnfolded] = useState<Set<string>>(() => new Set(initialView?.unfolded));
  const unfold = useCallback(
    (key: string) => setUnfolded((previous) => (previous.has(key) ? previous : new Set(previous).add(key))),
    [],
  );
  const [initialPositions] = useState<Record<string, Position> | undefined>(initialView?.positions);
  const [initialViewport] = useState(() =>
    initialView?.zoom && initialView.pan ? { zoom: initialView.zoom, pan: initialView.pan } : undefined,
  );
  const busy = useSlowActivity(activity);
  const items = useMemo(() => [...Object.values(graph.edges), ...Object.values(graph.nodes)], [graph]);
  const datingState = useDating(items, initialView?.dating);
  const { dating } = datingState;
  const pathExclusion = usePathExclude(initialView?.pathExclude);

  const { start, retry, addGraph, expand, showSource, fail } = useExplore({
    opening,
    dispatch,
    graph,
    filters,
    notify: setMessage,
    highlight: setHighlighted,
  });
  const shown = {
    graph,
    asOf,
    selected,
    filters,
    layout,
    styles,
    dating: datingState.choices,
    pathExclude: pathExclusion.choice,
    pinned,
    unfolded,
  };
  const saved = useInvestigation({
    canvas,
    shown,
    opened: investigation,
    ready: start.kind === 'opened',
    readOnly: embedded,
    onAdopt,
  });
  const notes = useNotes(saved.current?.id);
  // An investigation's address is its own: the view goes into the URL only for a shared link.
  const writeUrl = useViewInUrl(canvas, shown, !saved.current && !embedded);
  const viewChanged = () => {
    writeUrl();
    saved.changed();
  };
  const nameOf = useCallback(
    (target: NoteTarget) => {
      if (target.kind === 'canvas') return 'the canvas';
      if (target.kind === 'node') return graph.nodes[target.id]?.caption ?? target.id;
      const edge = graph.edges[target.id];
      if (!edge) return target.id;
      return `${graph.nodes[edge.source]?.caption ?? edge.source} ${edge.type} ${graph.nodes[edge.target]?.caption ?? edge.target}`;
    },
    [graph],
  );
  const showTarget = useCallback((target: NoteTarget) => {
    if (target.kind === 'canvas') canvas.current?.fit();
    else {
      const selection = { kind: target.kind === 'node' ? ('node' as const) : ('edge' as const), id: target.id };
      setSelected(selection);
      canvas.current?.centre(selection);
    }
  }, []);
  const noteTarget: NoteTarget = selected
    ? { kind: selected.kind === 'node' ? 'node' : 'relationship', id: selected.id }
    : { kind: 'canvas' };

  const select = (selection: Selection | undefined) => {
    setMenu(undefined);
    if (pathFrom && selection?.kind === 'node' && selection.id !== pathFrom) {
      setPathFrom(undefined);
      setPathEnds({ from: pathFrom, to: selection.id });
      dropInfo();
    }
    setSelected(selection);
    if (selection?.kind !== 'edge') setTimelineNode(selection?.id);
  };
  const showPath = useCallback(
    (path: RankedPath | undefined) =>
      setHighlighted(new Set(path ? [...path.nodes.map((node) => node.id), ...path.edges.map((edge) => edge.id)] : [])),
    [],
  );
  const selectAndCentre = (selection: Selection) => {
    select(selection);
    canvas.current?.centre(selection);
  };

  const exportAs = (kind: ExportKind) => {
    if (kind === 'png') exportPng(canvas.current!.png());
    if (kind === 'svg') exportSvg(canvas.current!.svg());
    if (kind === 'json') exportJson(toGraph(graph));
    if (kind === 'csv') exportCsv(toGraph(graph));
    if (kind === 'graphml' || kind === 'gexf') {
      void api
        .exportFile(Object.keys(graph.nodes), kind)
        .then((file) => exportGraphFile(file, kind))
        .catch(fail);
    }
  };

  const counts = useMemo(() => {
    const labels = new Map<string, number>();
    const types = new Map<string, number>();
    for (const node of Object.values(graph.nodes))
      for (const label of node.labels) labels.set(label, (labels.get(label) ?? 0) + 1);
    for (const edge of Object.values(graph.edges)) types.set(edge.type, (types.get(edge.type) ?? 0) + 1);
    // Property keys per (first) label, for the legend's caption and size choices.
    const keys = new Map<string, { all: Set<string>; numeric: Set<string> }>();
    for (const node of Object.values(graph.nodes)) {
      const label = node.labels[0];
      if (!label) continue;
      const found = keys.get(label) ?? { all: new Set<string>(), numeric: new Set<string>() };
      keys.set(label, found);
      for (const [key, value] of Object.entries(node.properties)) {
        if (typeof value === 'string' || typeof value === 'number') found.all.add(key);
        if (typeof value === 'number') found.numeric.add(key);
      }
    }
    return {
      labels: [...labels].sort(),
      types: [...types].sort(),
      keys: dict(
        [...keys].map(([label, found]) => [label, { all: [...found.all].sort(), numeric: [...found.numeric].sort() }]),
      ),
    };
  }, [graph]);

  const { span, defaults, dated } = useMemo(() => {
    const dated = items.map((item) => timeOf(item, dating));
    return { span: dateSpan(dated), defaults: timeDefaults(dated), dated };
  }, [items, dating]);
  const view = useMemo(
    () => ({ asOf, compare, dating, hiddenLabels, hiddenTypes, highlighted, pinned, annotated: notes.annotated }),
    [asOf, compare, dating, hiddenLabels, hiddenTypes, highlighted, pinned, notes.annotated],
  );

  const analytics = useAnalytics({
    graph,
    view,
    selectedNode: selected?.kind === 'node' ? selected.id : undefined,
    onError: fail,
  });
  const captionOf = useCallback((id: string) => graph.nodes[id]?.caption ?? id, [graph]);

  const selectedEdge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
  const inspected =
    selected?.kind === 'node' && graph.nodes[selected.id]
      ? { kind: 'node' as const, node: graph.nodes[selected.id]! }
      : selectedEdge
        ? {
            kind: 'edge' as const,
            edge: selectedEdge,
            source: graph.nodes[selectedEdge.source],
            target: graph.nodes[selectedEdge.target],
          }
        : undefined;

  const folded = useMemo(() => {
    if (selected?.kind !== 'node') return [];
    return [...groupEdges(graph)]
      .filter(([key, members]) => members.length > 1 && !unfolded.has(key))
      .flatMap(([key, members]) => {
        const [first] = members;
        const neighbour = first!.source === selected.id ? first!.target : first!.source;
        if (key !== pairKey(selected.id, neighbour)) return [];
        return [{ key, neighbour: graph.nodes[neighbour]?.caption ?? neighbour, count: members.length }];
      });
  }, [graph, selected, unfolded]);

  const timelineEdge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
  const timelineShown =
    selected?.kind === 'node' ||
    (timelineEdge && (timelineEdge.source === timelineNode || timelineEdge.target === timelineNode));
  const nodeTimeline = useTimeline(timelineShown ? timelineNode : undefined, graph, dating);
  const timeline = nodeTimeline.entries;
  /** A timeline entry chosen: added to the canvas first when it is not drawn, then selected. */
  const chooseInTimeline = async (id: string) => {
    const added = graph.edges[id] ? undefined : nodeTimeline.graphOf(id);
    if (added) await addGraph(added);
    selectAndCentre({ kind: 'edge', id });
  };

  const drawing = (
    <GraphCanvas
      ref={canvas}
      styles={styles}
      looks={analytics.looks}
      graph={graph}
      view={view}
      layout={layout}
      initialPositions={initialPositions}
      initialViewport={initialViewport}
      onViewChange={viewChanged}
      expanded={unfolded}
      onExpandPair={unfold}
      selected={selected}
      onSelect={select}
      onExpand={(id) => void expand(id)}
      onContextMenu={(nodeId, at) => setMenu({ nodeId, at })}
      onError={fail}
    >
      {Object.keys(graph.nodes).length === 0 && (
        <StartScreen
          start={start}
          onRetry={retry}
          onOpenLabel={(label) =>
            void api
              .runQuery('most-connected', { label, limit: pageSize })
              .then((result) => addGraph(result.graph, 'replace'))
              .catch(fail)
          }
        />
      )}
    </GraphCanvas>
  );
  const presentation = dialog === 'present' && (
    <PresentMode steps={notes.steps} nameOf={nameOf} onStep={showTarget} onExit={() => setDialog(undefined)} />
  );

  if (embedded) {
    return (
      <div className="app embedded">
        <header className="embed-bar">
          <strong>{saved.current?.title}</strong>
          <button onClick={() => setDialog('present')} disabled={notes.steps.length === 0}>
            Present
          </button>
          <a href={saved.current ? `/i/${saved.current.id}` : '/'} target="_blank" rel="noopener">
            Open in Entente
          </a>
        </header>
        <main className="workspace">
          {drawing}
          <div className="details">
            <NotesPanel
              notes={notes.notes}
              writable={false}
              target={noteTarget}
              nameOf={nameOf}
              onAdd={notes.add}
              onEdit={notes.edit}
              onDelete={notes.remove}
              onShow={showTarget}
            />
          </div>
        </main>
        {presentation}
      </div>
    );
  }

  return (
    <div className="app">
      <Toolbar
        canUndo={history.past.length > 0}
        canRedo={history.future.length > 0}
        layout={layout}
        busy={busy}
        onPick={(result) => {
          dropInfo();
          void queryClient
            .fetchQuery(nodeQuery(result.id))
            .then(async ({ node }) => {
              await addGraph({ nodes: [node], edges: [] });
              select({ kind: 'node', id: node.id });
            })
            .catch(fail);
        }}
        onUndo={() => {
          dropInfo();
          dispatch({ type: 'undo' });
        }}
        onRedo={() => {
          dropInfo();
          dispatch({ type: 'redo' });
        }}
        onLayout={(next) => {
          setLayout(next);
          canvas.current?.relayout(next);
        }}
        onFit={() => canvas.current?.fit()}
        onExport={exportAs}
        onShare={() => {
          if (saved.current?.access === 'owner') return setDialog('share');
          const view = captureView(canvas.current, shown);
          if (view) void navigator.clipboard?.writeText(`${window.location.origin}/${encodeView(view)}`);
          setMessage({ kind: 'info', text: 'Link to this view copied.' });
        }}
      />
      <InvestigationBar
        current={saved.current}
        state={saved.state}
        writable={saved.writable}
        canSave={can('write:investigations')}
        hasNodes={Object.keys(graph.nodes).length > 0}
        notes={notes.steps.length}
        onSaveAs={(title) => saved.saveAs(title)}
        onRename={(title) => saved.rename(title)}
        onPresent={() => setDialog('present')}
        onVersions={() => setDialog('versions')}
        onShare={() => setDialog('share')}
        onReload={() => window.location.reload()}
        onSaveCopy={() => void saved.saveAs(`${saved.current?.title ?? 'Investigation'} (my copy)`).catch(fail)}
      />
      <TimeControls
        span={span}
        defaults={defaults}
        asOf={asOf}
        compare={compare}
        onAsOf={setAsOf}
        onCompare={setCompare}
        dated={dated}
        loading={start.kind === 'loading'}
        dates={<DatingControl items={items} state={datingState} />}
      />
      {message && <Banner message={message} onDismiss={() => setMessage(undefined)} />}
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
                ['disagreements', 'Disagreements'],
                ['notes', `Notes (${notes.notes.length})`],
                ['import', 'Import'],
                ['edit', 'Edit'],
              ] as const
            )
              .filter(([name]) => name !== 'disagreements' || datasetModel)
              .filter(([name]) => name !== 'notes' || saved.current)
              .map(([name, label]) => (
                <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
                  {label}
                </button>
              ))}
          </div>
          {tab === 'filters' && (
            <FilterPanel
              loading={start.kind === 'loading'}
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
              styles={styles}
              keys={counts.keys}
              onStyle={(label, style) => {
                const next = dict(Object.entries(styles).filter(([name]) => name !== label));
                if (Object.keys(style).length) next[label] = style;
                setStyles(next);
                saveStyles(next);
              }}
              onToggleType={(type) =>
                dispatch({ type: 'filter', filters: { ...filters, hiddenTypes: toggled(filters.hiddenTypes, type) } })
              }
            />
          )}
          {tab === 'filters' && <MeasuresPanel state={analytics} />}
          {tab === 'list' && <ElementList graph={graph} view={view} onSelect={select} />}
          {tab === 'queries' && (
            <QueriesPanel onGraph={(added, mode) => void addGraph(added, mode)} onResult={setResults} />
          )}
          {tab === 'disagreements' && (
            <DisagreementsPanel
              onShow={(shown, ids) =>
                void addGraph(shown).then(() => {
                  setHighlighted(new Set(ids));
                  if (ids[0])
                    selectAndCentre({
                      kind: shown.edges.some((edge) => edge.id === ids[0]) ? 'edge' : 'node',
                      id: ids[0],
                    });
                })
              }
            />
          )}
          {tab === 'notes' && saved.current && (
            <NotesPanel
              notes={notes.notes}
              writable={saved.writable}
              target={noteTarget}
              nameOf={nameOf}
              onAdd={notes.add}
              onEdit={notes.edit}
              onDelete={notes.remove}
              onShow={showTarget}
            />
          )}
          {tab === 'import' && (
            <NeedsScope scope="import" feature="Importing files">
              <Suspense fallback={<p className="hint">Loading…</p>}>
                <ImportPanel onOpen={(id) => void api.subgraph([id]).then((shown) => addGraph(shown, 'replace'))} />
              </Suspense>
            </NeedsScope>
          )}
          {tab === 'edit' && (
            <NeedsScope scope="edit" feature="Editing the graph">
              <Suspense fallback={<p className="hint">Loading…</p>}>
                <EditPanel nodes={Object.values(graph.nodes)} onGraph={(added, mode) => void addGraph(added, mode)} />
              </Suspense>
            </NeedsScope>
          )}
          {tab === 'console' && (
            <NeedsScope scope="query" feature="The Cypher console">
              <Suspense fallback={<p className="hint">Loading the Cypher editor…</p>}>
                <CypherConsole onGraph={(added, mode) => void addGraph(added, mode)} onResult={setResults} />
              </Suspense>
            </NeedsScope>
          )}
        </nav>
        {drawing}
        <div className="details">
          {pathEnds && (
            <PathPanel
              key={`${pathEnds.from}|${pathEnds.to}`}
              from={pathEnds.from}
              to={pathEnds.to}
              nodes={graph.nodes}
              edges={graph.edges}
              dating={dating}
              asOf={asOf}
              exclusion={pathExclusion}
              onShow={showPath}
              onAdd={(path) =>
                void addGraph({ nodes: path.nodes, edges: path.edges }).then(() => {
                  showPath(path);
                  setMessage({ kind: 'info', text: `Path ${path.meta.rank} added and highlighted.` });
                })
              }
              onClose={() => {
                setPathEnds(undefined);
                showPath(undefined);
              }}
            />
          )}
          {compare && (
            <ChangesList
              from={compare.from}
              to={compare.to}
              dating={dating}
              onShow={(shown, focus) =>
                void addGraph(shown).then(() => {
                  if (focus) selectAndCentre(focus);
                })
              }
            />
          )}
          {inspected ? (
            <InspectPanel
              item={inspected}
              onShowSource={(id) => void showSource(id)}
              onOpenMenu={(nodeId, at) => setMenu({ nodeId, at })}
              folded={folded}
              onUnfold={unfold}
              onEdited={(edited) => dispatch({ type: 'refresh', graph: edited })}
            />
          ) : (
            <p className="hint">
              Select a node or relationship to see its details and evidence. Double-click a node to expand it;
              right-click for more.
            </p>
          )}
          {inspected?.kind === 'node' && (
            <NodeMeasures
              id={inspected.node.id}
              state={analytics}
              captionOf={captionOf}
              onShowPair={(pair) =>
                void analytics
                  .pathsVia(pair.source, inspected.node.id, pair.target)
                  .then((ids) => setHighlighted(new Set(ids)))
                  .catch(fail)
              }
              onNeighbourhood={(depth) =>
                void api
                  .neighbourhood(inspected.node.id, depth, { asOf, dating: datingEntries(dating) })
                  .then(async ({ graph: around, meta }) => {
                    await addGraph(around);
                    setMessage({
                      kind: 'info',
                      text:
                        `${meta.nodes} nodes within ${depth} step${depth === 1 ? '' : 's'} of ${inspected.node.caption} drawn and measured` +
                        (meta.truncated ? ` (the first ${meta.limit}, most connected first)` : '') +
                        '.',
                    });
                  })
                  .catch(fail)
              }
            />
          )}
          {timeline.length > 0 && (
            <Timeline
              entries={timeline}
              current={selectedEdge?.id}
              truncated={nodeTimeline.truncated}
              onChoose={(id) => void chooseInTimeline(id)}
            />
          )}
        </div>
      </main>
      {analytics.tableOpen && analytics.analysis && (
        <RankingDrawer
          analysis={analytics.analysis}
          captionOf={captionOf}
          selected={selected?.kind === 'node' ? selected.id : undefined}
          initial={analytics.rule.size}
          onSelect={(id) => selectAndCentre({ kind: 'node', id })}
          onClose={() => analytics.setTableOpen(false)}
        />
      )}
      {results && (
        <ResultDrawer
          shown={results}
          onClose={() => setResults(undefined)}
          onSelectRow={(nodes, edges) => {
            setHighlighted(new Set([...nodes.map((node) => node.id), ...edges.map((edge) => edge.id)]));
            const first = nodes[0]
              ? { kind: 'node' as const, id: nodes[0].id }
              : edges[0] && { kind: 'edge' as const, id: edges[0].id };
            if (first) selectAndCentre(first);
          }}
        />
      )}
      {menu && (
        <ExpandMenu
          nodeId={menu.nodeId}
          at={menu.at}
          pageSize={pageSize}
          drawn={(choice) =>
            Object.values(graph.edges).filter(
              (edge) =>
                edge.type === choice.type && (choice.direction === 'out' ? edge.source : edge.target) === menu.nodeId,
            ).length
          }
          onClose={() => setMenu(undefined)}
          onExpand={(choice) => {
            setMenu(undefined);
            void expand(menu.nodeId, choice);
          }}
          onAction={(action) => {
            setMenu(undefined);
            if (action === 'hide') dispatch({ type: 'remove', ids: [menu.nodeId] });
            if (action === 'collapse') dispatch({ type: 'collapse', id: menu.nodeId });
            if (action === 'keep-only') dispatch({ type: 'keepOnly', ids: [menu.nodeId] });
            if (action === 'pin') setPinned(toggle(pinned, menu.nodeId));
            if (action === 'path-from') setPathFrom(menu.nodeId);
          }}
        />
      )}
      {presentation}
      <Suspense fallback={null}>
        {dialog === 'share' && saved.current && (
          <ShareDialog
            id={saved.current.id}
            onCopyViewLink={() => {
              const view = captureView(canvas.current, shown);
              if (view) void navigator.clipboard?.writeText(`${window.location.origin}/${encodeView(view)}`);
            }}
            onClose={() => setDialog(undefined)}
          />
        )}
        {dialog === 'versions' && saved.current && (
          <VersionsDialog
            id={saved.current.id}
            current={saved.current.version}
            writable={saved.writable}
            onRestored={() => window.location.reload()}
            onClose={() => setDialog(undefined)}
          />
        )}
      </Suspense>
    </div>
  );
}
