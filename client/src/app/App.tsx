import type { Ref } from 'react';
import type { GraphCanvasHandle } from '../canvas/GraphCanvas';
import type { Opening } from '../explore/useExplore';
import type { Investigation, InvestigationSummary } from '../investigations/investigationsApi';
import { InvestigationBar } from '../investigations/InvestigationBar';
import { DatingControl } from '../time/DatingControl';
import { TimeControls } from '../time/TimeControls';
import { Banner } from './Banner';
import { DetailsColumn } from './DetailsColumn';
import { ExplorerCanvas, ExplorerNotes } from './ExplorerCanvas';
import { PageOverlays, Presentation } from './PageOverlays';
import { SidePanels } from './SidePanels';
import { SkipLinks } from './SkipLinks';
import { Toolbar } from './Toolbar';
import { useExplorer, type Explorer } from './useExplorer';

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

/** The view embedded in another page: the canvas, its notes and present mode. */
function Embedded({ x, canvas }: { x: Explorer; canvas: Ref<GraphCanvasHandle> }) {
  const current = x.saved.current;
  return (
    <div className="app embedded">
      <header className="embed-bar">
        <strong>{current?.title}</strong>
        <button onClick={() => x.panels.setDialog('present')} disabled={x.notes.steps.length === 0}>
          Present
        </button>
        <a href={current ? `/i/${current.id}` : '/'} target="_blank" rel="noopener">
          Open in Entente
        </a>
      </header>
      <main className="workspace">
        <ExplorerCanvas x={x} canvas={canvas} />
        <div className="details">
          <ExplorerNotes x={x} />
        </div>
      </main>
      <Presentation x={x} />
    </div>
  );
}

/** The bars above the workspace: the toolbar, the investigation, time, and banners. */
function Bars({ x }: { x: Explorer }) {
  const { history, dispatch, graph } = x.history;
  const { panels, saved, settings, actions, focus } = x;
  const loading = x.explore.start.kind === 'loading';
  const step = (type: 'undo' | 'redo') => {
    panels.dropInfo();
    dispatch({ type });
  };
  return (
    <>
      <Toolbar
        canUndo={history.past.length > 0}
        canRedo={history.future.length > 0}
        layout={settings.layout}
        busy={x.busy}
        onPick={(result) => actions.pick(result.id)}
        onUndo={() => step('undo')}
        onRedo={() => step('redo')}
        onLayout={actions.relayout}
        onFit={actions.fit}
        onExport={actions.exportAs}
        onShare={actions.share}
      />
      <InvestigationBar
        current={saved.current}
        state={saved.state}
        writable={saved.writable}
        canSave={x.can('write:investigations')}
        hasNodes={Object.keys(graph.nodes).length > 0}
        notes={x.notes.steps.length}
        onSaveAs={(title) => saved.saveAs(title)}
        onRename={(title) => saved.rename(title)}
        onPresent={() => panels.setDialog('present')}
        onVersions={() => panels.setDialog('versions')}
        onShare={() => panels.setDialog('share')}
        onReload={() => window.location.reload()}
        onSaveCopy={() =>
          void saved.saveAs(`${saved.current?.title ?? 'Investigation'} (my copy)`).catch(x.explore.fail)
        }
      />
      <TimeControls
        span={x.time.span}
        defaults={x.time.defaults}
        asOf={settings.asOf}
        compare={settings.compare}
        onAsOf={settings.setAsOf}
        onCompare={settings.setCompare}
        dated={x.time.dated}
        loading={loading}
        dates={<DatingControl items={x.items} state={x.datingState} />}
      />
      {panels.message && <Banner message={panels.message} onDismiss={() => panels.setMessage(undefined)} />}
      {focus.pathFrom && (
        <div className="banner info" role="status">
          Select the second node to find paths from {graph.nodes[focus.pathFrom]?.caption}.{' '}
          <button onClick={() => focus.setPathFrom(undefined)}>Cancel</button>
        </div>
      )}
    </>
  );
}

/**
 * The explorer's page. Its state lives in domain hooks (useExplorer); this only lays out the bars, the side
 * panels, the canvas, the details column and what opens over them.
 */
export function App({ opening, investigation, embedded = false, onAdopt = noAdoption }: Props = {}) {
  const { explorer: x, canvas } = useExplorer({ opening, investigation, embedded, onAdopt });
  if (embedded) return <Embedded x={x} canvas={canvas} />;
  return (
    <div className="app">
      <SkipLinks />
      <Bars x={x} />
      <main className="workspace">
        <SidePanels x={x} />
        <ExplorerCanvas x={x} canvas={canvas} />
        <DetailsColumn x={x} />
      </main>
      <PageOverlays x={x} />
    </div>
  );
}
