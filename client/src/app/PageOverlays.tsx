import { lazy, Suspense } from 'react';
import { PresentMode } from '../investigations/PresentMode';
import { pageSize } from './dataset';
import type { Explorer } from './useExplorer';

// Parts that open on request load when first opened, off the explorer's first load: the drawers, a node's
// menu, an investigation's sharing and versions dialogs.
const ExpandMenu = lazy(() => import('../inspect/ExpandMenu').then((module) => ({ default: module.ExpandMenu })));
const RankingDrawer = lazy(() =>
  import('../analytics/RankingDrawer').then((module) => ({ default: module.RankingDrawer })),
);
const ResultDrawer = lazy(() => import('../queries/ResultDrawer').then((module) => ({ default: module.ResultDrawer })));
const ShareDialog = lazy(() =>
  import('../investigations/ShareDialog').then((module) => ({ default: module.ShareDialog })),
);
const VersionsDialog = lazy(() =>
  import('../investigations/VersionsDialog').then((module) => ({ default: module.VersionsDialog })),
);

/** Present mode: the investigation's notes one step at a time over the canvas. */
export function Presentation({ x }: { x: Explorer }) {
  const { dialog, setDialog } = x.panels;
  if (dialog !== 'present') return null;
  return (
    <PresentMode
      steps={x.notes.steps}
      nameOf={x.nameOf}
      onStep={x.actions.showTarget}
      onExit={() => setDialog(undefined)}
    />
  );
}

/** A node's menu: expand by type, hide, collapse, keep only, pin, find paths from it. */
function NodeMenu({ x }: { x: Explorer }) {
  const { menu, closeMenu } = x.focus;
  const { graph, dispatch } = x.history;
  if (!menu) return null;
  return (
    <ExpandMenu
      nodeId={menu.nodeId}
      at={menu.at}
      pageSize={pageSize}
      drawn={(choice) =>
        Object.values(graph.edges).filter(
          (edge) =>
            edge.type === choice.type &&
            // A self-loop is listed as outgoing only.
            (choice.direction === 'out'
              ? edge.source === menu.nodeId
              : edge.target === menu.nodeId && edge.source !== menu.nodeId),
        ).length
      }
      onClose={closeMenu}
      onExpand={(choice) => {
        closeMenu();
        void x.explore.expand(menu.nodeId, choice);
      }}
      onAction={(action) => {
        closeMenu();
        if (action === 'hide') dispatch({ type: 'remove', ids: [menu.nodeId] });
        if (action === 'collapse') dispatch({ type: 'collapse', id: menu.nodeId });
        if (action === 'keep-only') dispatch({ type: 'keepOnly', ids: [menu.nodeId] });
        if (action === 'pin') x.settings.togglePin(menu.nodeId);
        if (action === 'path-from') x.focus.setPathFrom(menu.nodeId);
      }}
    />
  );
}

/** What opens over the page: the measures' ranking, a query's rows, a node's menu, present mode, dialogs. */
export function PageOverlays({ x }: { x: Explorer }) {
  const { analytics, panels, saved, focus, actions } = x;
  const { selected } = focus;
  return (
    <Suspense fallback={null}>
      {analytics.tableOpen && analytics.analysis && (
        <RankingDrawer
          analysis={analytics.analysis}
          captionOf={x.captionOf}
          selected={selected?.kind === 'node' ? selected.id : undefined}
          initial={analytics.rule.size}
          onSelect={(id) => actions.selectAndCentre({ kind: 'node', id })}
          onClose={() => analytics.setTableOpen(false)}
        />
      )}
      {panels.results && (
        <ResultDrawer
          shown={panels.results}
          onClose={() => panels.setResults(undefined)}
          onSelectRow={actions.showRows}
        />
      )}
      <NodeMenu x={x} />
      <Presentation x={x} />
      {panels.dialog === 'share' && saved.current && (
        <ShareDialog
          id={saved.current.id}
          onCopyViewLink={actions.copyViewLink}
          onClose={() => panels.setDialog(undefined)}
        />
      )}
      {panels.dialog === 'versions' && saved.current && (
        <VersionsDialog
          id={saved.current.id}
          current={saved.current.version}
          writable={saved.writable}
          onRestored={() => window.location.reload()}
          onClose={() => panels.setDialog(undefined)}
        />
      )}
    </Suspense>
  );
}
