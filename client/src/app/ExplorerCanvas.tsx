import { api } from '../api/api';
import { lazy, Suspense, type Ref } from 'react';
import { useValueFilters } from '../filters/useValueFilters';
import { GraphCanvas, type GraphCanvasHandle } from '../canvas/GraphCanvas';
import { StartScreen } from '../explore/StartScreen';
import { NotesPanel } from '../investigations/NotesPanel';
import { pageSize } from './dataset';
import type { Explorer } from './useExplorer';

const FilterChips = lazy(() => import('../filters/FilterChips').then((module) => ({ default: module.FilterChips })));

/** The canvas, wired to the explorer's state; an empty one shows the first screen. */
export function ExplorerCanvas({ x, canvas }: { x: Explorer; canvas: Ref<GraphCanvasHandle> }) {
  const { graph } = x.history;
  const { focus, settings, explore } = x;
  const valueFilters = useValueFilters(x.history.filters, x.history.dispatch);
  return (
    <GraphCanvas
      ref={canvas}
      styles={settings.styles}
      rules={settings.rules}
      looks={x.analytics.looks}
      graph={graph}
      view={x.view}
      layout={settings.layout}
      initialPositions={x.initialPositions}
      initialViewport={x.initialViewport}
      onViewChange={x.viewChanged}
      expanded={settings.unfolded}
      onExpandPair={settings.unfold}
      selected={focus.selected}
      onSelect={focus.select}
      group={focus.group}
      onToggleInGroup={focus.toggleInGroup}
      onBoxSelect={focus.addToGroup}
      onExpand={(id) => void explore.expand(id)}
      onContextMenu={focus.openMenu}
      onError={explore.fail}
    >
      {valueFilters.list.length > 0 && (
        <Suspense fallback={null}>
          <FilterChips filters={valueFilters.list} onChange={valueFilters.set} />
        </Suspense>
      )}
      {Object.keys(graph.nodes).length === 0 && (
        <StartScreen
          start={explore.start}
          onRetry={explore.retry}
          onOpenLabel={(label) =>
            void api
              .runQuery('most-connected', { label, limit: pageSize })
              .then((result) => explore.addGraph(result.graph, 'replace'))
              .catch(explore.fail)
          }
        />
      )}
    </GraphCanvas>
  );
}

/** The investigation's notes on the selection (or the canvas), writable when the investigation is. */
export function ExplorerNotes({ x }: { x: Explorer }) {
  const { selected } = x.focus;
  return (
    <NotesPanel
      notes={x.notes.notes}
      writable={!x.embedded && x.saved.writable}
      target={
        selected ? { kind: selected.kind === 'node' ? 'node' : 'relationship', id: selected.id } : { kind: 'canvas' }
      }
      nameOf={x.nameOf}
      onAdd={x.notes.add}
      onEdit={x.notes.edit}
      onDelete={x.notes.remove}
      onShow={x.actions.showTarget}
    />
  );
}
