import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useMe } from '../accounts/useMe';
import { useAnalytics } from '../analytics/useAnalytics';
import { activity, api } from '../api/api';
import { nodeQuery, queryClient, schemaQuery } from '../api/queries';
import type { GraphCanvasHandle, Selection } from '../canvas/GraphCanvas';
import type { LayoutName } from '../canvas/layouts';
import { pairKey } from '../canvas/edgeGroups';
import { useExplore, type Opening } from '../explore/useExplore';
import { defaultFilters, toGraph } from '../graph/canvasState';
import { useCanvasHistory } from '../graph/useCanvasHistory';
import type { Investigation, InvestigationSummary } from '../investigations/investigationsApi';
import { useInvestigation } from '../investigations/useInvestigation';
import { useNotes, type NoteTarget } from '../investigations/useNotes';
import type { RankedPath } from '../paths/pathChain';
import { usePathExclude } from '../paths/usePathExclude';
import { exportCsv, exportGraphFile, exportJson, exportPng, exportSvg } from '../share/exportFiles';
import { captureView, useViewInUrl } from '../share/useViewInUrl';
import { encodeView, readView } from '../share/viewState';
import { timeOf } from '../time/dating';
import { dateSpan, timeDefaults } from '../time/time';
import { useDating } from '../time/useDating';
import { useTimeline } from '../time/useTimeline';
import { hasDatasetModel } from './dataset';
import { countGraph, groupsAround, inspectedOf, nameOfTarget } from './graphSummary';
import type { ExportKind } from './Toolbar';
import { useFocus } from './useFocus';
import { usePanels } from './usePanels';
import { useSlowActivity } from './useSlowActivity';
import { useViewSettings } from './useViewSettings';

export interface ExplorerOptions {
  /** A saved investigation to open, with its graph as it is now; else what the URL holds. */
  opening?: Opening;
  investigation?: Investigation;
  /** The read-only view embedded in another page. */
  embedded: boolean;
  /** A new investigation was saved from this page. */
  onAdopt: (investigation: InvestigationSummary) => void;
}

/**
 * The explorer's state, by domain: the canvas history (useCanvasHistory), the ways the canvas grows
 * (useExplore), how it is looked at (useViewSettings), what is pointed at (useFocus), what is open
 * (usePanels), the investigation and its notes, and the URL. App lays it out.
 */
export function useExplorer({ opening: given, investigation, embedded, onAdopt }: ExplorerOptions) {
  const [opening] = useState<Opening>(() => given ?? readView(window.location.hash));
  const initialView = opening.kind === 'view' || opening.kind === 'investigation' ? opening.view : undefined;
  const history = useCanvasHistory(
    initialView
      ? {
          hiddenLabels: initialView.hiddenLabels,
          hiddenTypes: initialView.hiddenTypes,
          valueFilters: initialView.valueFilters,
        }
      : defaultFilters,
  );
  const { graph, filters, hiddenLabels, hiddenTypes, dispatch } = history;
  const canvas = useRef<GraphCanvasHandle>(null);
  const panels = usePanels(investigation ? 'notes' : 'filters');
  const { setMessage, dropInfo } = panels;
  const focus = useFocus(initialView, dropInfo);
  const settings = useViewSettings(initialView);
  const { can } = useMe();
  // Disagreements between sources are the default dataset's: other graphs have no such tab.
  const datasetModel = hasDatasetModel(useQuery(schemaQuery()).data);
  const [initialPositions] = useState(initialView?.positions);
  const [initialViewport] = useState(() =>
    initialView?.zoom && initialView.pan ? { zoom: initialView.zoom, pan: initialView.pan } : undefined,
  );
  const busy = useSlowActivity(activity);
  const items = useMemo(() => [...Object.values(graph.edges), ...Object.values(graph.nodes)], [graph]);
  const datingState = useDating(items, initialView?.dating);
  const { dating } = datingState;
  const pathExclusion = usePathExclude(initialView?.pathExclude);
  const explore = useExplore({
    opening,
    dispatch,
    graph,
    filters,
    notify: setMessage,
    highlight: settings.highlight,
  });
  const { addGraph, fail } = explore;
  const { selected } = focus;

  const shown = {
    graph,
    asOf: settings.asOf,
    selected,
    filters,
    layout: settings.layout,
    styles: settings.styles,
    rules: settings.rules,
    dating: datingState.choices,
    pathExclude: pathExclusion.choice,
    pinned: settings.pinned,
    unfolded: settings.unfolded,
  };
  const saved = useInvestigation({
    canvas,
    shown,
    opened: investigation,
    ready: explore.start.kind === 'opened',
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

  const { setSelected } = focus;
  const showTarget = useCallback(
    (target: NoteTarget) => {
      if (target.kind === 'canvas') return canvas.current?.fit();
      const selection = { kind: target.kind === 'node' ? ('node' as const) : ('edge' as const), id: target.id };
      setSelected(selection);
      canvas.current?.centre(selection);
    },
    [setSelected],
  );
  const selectAndCentre = (selection: Selection) => {
    focus.select(selection);
    canvas.current?.centre(selection);
  };
  const { highlight } = settings;
  const showPath = useCallback(
    (path: RankedPath | undefined) =>
      highlight(path ? [...path.nodes.map((node) => node.id), ...path.edges.map((edge) => edge.id)] : []),
    [highlight],
  );
  const copyViewLink = () => {
    const view = captureView(canvas.current, shown);
    if (view) void navigator.clipboard?.writeText(`${window.location.origin}/${encodeView(view)}`);
  };

  const counts = useMemo(() => countGraph(graph), [graph]);
  const time = useMemo(() => {
    const dated = items.map((item) => timeOf(item, dating));
    return { span: dateSpan(dated), defaults: timeDefaults(dated), dated };
  }, [items, dating]);
  const { asOf, compare, highlighted, pinned } = settings;
  const { valueFilters } = filters;
  const view = useMemo(
    () => ({
      asOf,
      compare,
      dating,
      hiddenLabels,
      hiddenTypes,
      valueFilters,
      highlighted,
      pinned,
      annotated: notes.annotated,
    }),
    [asOf, compare, dating, hiddenLabels, hiddenTypes, valueFilters, highlighted, pinned, notes.annotated],
  );
  const analytics = useAnalytics({
    graph,
    view,
    selectedNode: selected?.kind === 'node' ? selected.id : undefined,
    onError: fail,
  });
  const captionOf = useCallback((id: string) => graph.nodes[id]?.caption ?? id, [graph]);
  const nameOf = useCallback((target: NoteTarget) => nameOfTarget(graph, target), [graph]);
  const groups = useMemo(() => groupsAround(graph, selected, settings.unfolded), [graph, selected, settings.unfolded]);

  const timelineEdge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
  const timelineShown =
    selected?.kind === 'node' ||
    (timelineEdge && (timelineEdge.source === focus.timelineNode || timelineEdge.target === focus.timelineNode));
  const timeline = useTimeline(timelineShown ? focus.timelineNode : undefined, graph, dating);

  const actions = {
    selectAndCentre,
    showPath,
    showTarget,
    copyViewLink,
    /** Folds a pair's relationships back into one edge; a selected one of them leaves the selection. */
    fold: (key: string) => {
      const edge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
      if (edge && pairKey(edge.source, edge.target) === key) focus.select(undefined);
      settings.fold(key);
    },
    fit: () => canvas.current?.fit(),
    relayout: (name: LayoutName) => {
      settings.setLayout(name);
      canvas.current?.relayout(name);
    },
    /** A timeline entry chosen: added to the canvas first when it is not drawn, then selected. */
    chooseInTimeline: async (id: string) => {
      const added = graph.edges[id] ? undefined : timeline.graphOf(id);
      if (added) await addGraph(added);
      selectAndCentre({ kind: 'edge', id });
    },
    /** A search hit chosen: drawn, then selected. */
    pick: (id: string) => {
      dropInfo();
      void queryClient
        .fetchQuery(nodeQuery(id))
        .then(async ({ node }) => {
          await addGraph({ nodes: [node], edges: [] });
          focus.select({ kind: 'node', id: node.id });
        })
        .catch(fail);
    },
    exportAs: (kind: ExportKind) => {
      if (kind === 'png') {
        void exportPng(canvas.current!.png())
          .then(({ drawn, saved }) => {
            if (saved.reduced) {
              setMessage({
                kind: 'info',
                text:
                  `The PNG was reduced to ${saved.width} × ${saved.height} px (the whole canvas is ` +
                  `${drawn.width} × ${drawn.height}); export SVG for every detail.`,
              });
            }
          })
          .catch(fail);
      }
      if (kind === 'svg') void canvas.current!.svg().then(exportSvg).catch(fail);
      if (kind === 'json') exportJson(toGraph(graph));
      if (kind === 'csv') exportCsv(toGraph(graph));
      if (kind === 'graphml' || kind === 'gexf') {
        void api
          .exportFile(Object.keys(graph.nodes), kind)
          .then((file) => exportGraphFile(file, kind))
          .catch(fail);
      }
    },
    share: () => {
      if (saved.current?.access === 'owner') return panels.setDialog('share');
      copyViewLink();
      setMessage({ kind: 'info', text: 'Link to this view copied.' });
    },
    /** Rows of a query chosen in a drawer: highlighted, the first one selected. */
    showRows: (nodes: { id: string }[], edges: { id: string }[]) => {
      settings.highlight([...nodes.map((node) => node.id), ...edges.map((edge) => edge.id)]);
      const first = nodes[0]
        ? { kind: 'node' as const, id: nodes[0].id }
        : edges[0] && { kind: 'edge' as const, id: edges[0].id };
      if (first) selectAndCentre(first);
    },
  };

  const explorer = {
    embedded,
    history,
    explore,
    panels,
    focus,
    settings,
    can,
    datasetModel,
    initialPositions,
    initialViewport,
    busy,
    items,
    datingState,
    dating,
    pathExclusion,
    saved,
    notes,
    viewChanged,
    counts,
    time,
    view,
    analytics,
    captionOf,
    nameOf,
    groups,
    inspected: inspectedOf(graph, selected),
    timeline,
    actions,
  };
  // Apart: the canvas's handle is a ref, passed to the canvas only.
  return { explorer, canvas };
}

export type Explorer = ReturnType<typeof useExplorer>['explorer'];
