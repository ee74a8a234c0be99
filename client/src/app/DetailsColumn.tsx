import { lazy, Suspense } from 'react';
import { NodeMeasures } from '../analytics/NodeMeasures';
import { api } from '../api/api';
import { InspectPanel } from '../inspect/InspectPanel';
import { datingEntries } from '../time/dating';
import { Timeline } from '../time/Timeline';
import type { Explorer } from './useExplorer';

// Parts shown on request load when first shown, off the explorer's first load: paths between two nodes,
// changes between two dates, the summary of several nodes selected together.
const PathPanel = lazy(() => import('../paths/PathPanel').then((module) => ({ default: module.PathPanel })));
const ChangesList = lazy(() => import('../time/ChangesList').then((module) => ({ default: module.ChangesList })));
const SelectionSummary = lazy(() =>
  import('../inspect/SelectionSummary').then((module) => ({ default: module.SelectionSummary })),
);

/** Measures of the inspected node, and the neighbourhood it can draw around itself. */
function InspectedMeasures({ x, id, caption }: { x: Explorer; id: string; caption: string }) {
  const { addGraph, fail } = x.explore;
  return (
    <NodeMeasures
      id={id}
      state={x.analytics}
      captionOf={x.captionOf}
      onShowPair={(pair) =>
        void x.analytics
          .pathsVia(pair.source, id, pair.target)
          .then((ids) => x.settings.highlight(ids))
          .catch(fail)
      }
      onNeighbourhood={(depth) =>
        void api
          .neighbourhood(id, depth, { asOf: x.settings.asOf, dating: datingEntries(x.dating) })
          .then(async ({ graph: around, meta }) => {
            await addGraph(around);
            x.panels.setMessage({
              kind: 'info',
              text:
                `${meta.nodes} nodes within ${depth} step${depth === 1 ? '' : 's'} of ${caption} drawn and measured` +
                (meta.truncated ? ` (the first ${meta.limit}, most connected first)` : '') +
                '.',
            });
          })
          .catch(fail)
      }
    />
  );
}

/** The nodes selected together, with what can be done to them all. */
function GroupSummary({ x }: { x: Explorer }) {
  const { group } = x.focus;
  const { graph, dispatch } = x.history;
  const nodes = group.flatMap((id) => (graph.nodes[id] ? [graph.nodes[id]] : []));
  const [first, second] = group;
  return (
    <SelectionSummary
      nodes={nodes}
      pinned={group.every((id) => x.settings.pinned.has(id))}
      onExpand={() =>
        void (async () => {
          for (const id of group) await x.explore.expand(id);
        })()
      }
      onHide={() => {
        x.focus.select(undefined);
        dispatch({ type: 'remove', ids: group });
      }}
      onPin={() => x.settings.togglePins(group)}
      onKeepOnly={() => dispatch({ type: 'keepOnly', ids: group })}
      onPaths={group.length === 2 && first && second ? () => x.focus.showPaths(first, second) : undefined}
      onClear={() => x.focus.select(undefined)}
    />
  );
}

/** The right-hand column: paths between two nodes, changes between two dates, the inspector, the timeline. */
export function DetailsColumn({ x }: { x: Explorer }) {
  const { graph, dispatch } = x.history;
  const { focus, settings, actions, inspected } = x;
  const { addGraph } = x.explore;
  const { pathEnds, selected } = focus;
  const { compare } = settings;
  return (
    <div className="details" id="details" tabIndex={-1}>
      <Suspense fallback={null}>
        {pathEnds && (
          <PathPanel
            key={`${pathEnds.from}|${pathEnds.to}`}
            from={pathEnds.from}
            to={pathEnds.to}
            nodes={graph.nodes}
            edges={graph.edges}
            dating={x.dating}
            asOf={settings.asOf}
            exclusion={x.pathExclusion}
            onShow={actions.showPath}
            onAdd={(path) =>
              void addGraph({ nodes: path.nodes, edges: path.edges }).then(() => {
                actions.showPath(path);
                x.panels.setMessage({ kind: 'info', text: `Path ${path.meta.rank} added and highlighted.` });
              })
            }
            onClose={() => {
              focus.closePaths();
              actions.showPath(undefined);
            }}
          />
        )}
      </Suspense>
      <Suspense fallback={null}>
        {compare && (
          <ChangesList
            from={compare.from}
            to={compare.to}
            dating={x.dating}
            onShow={(shown, chosen) =>
              void addGraph(shown).then(() => {
                if (chosen) actions.selectAndCentre(chosen);
              })
            }
          />
        )}
      </Suspense>
      <Suspense fallback={<p className="hint">Loading…</p>}>
        {focus.group.length > 0 ? (
          <GroupSummary x={x} />
        ) : inspected ? (
          <InspectPanel
            item={inspected}
            onShowSource={(id) => void x.explore.showSource(id)}
            onOpenMenu={focus.openMenu}
            folded={x.groups.folded}
            unfolded={x.groups.unfolded}
            onFold={actions.fold}
            onUnfold={settings.unfold}
            onEdited={(edited, gone) => {
              dispatch({ type: 'refresh', graph: edited });
              if (!gone) return;
              dispatch({ type: 'remove', ids: gone.ids });
              x.panels.setMessage({ kind: 'info', text: gone.said });
              focus.select(gone.select);
            }}
          />
        ) : (
          <p className="hint">
            Select a node or relationship to see its details and evidence. Double-click a node to expand it; right-click
            for more.
          </p>
        )}
        {inspected?.kind === 'node' && focus.group.length === 0 && (
          <InspectedMeasures x={x} id={inspected.node.id} caption={inspected.node.caption} />
        )}
      </Suspense>
      {x.timeline.entries.length > 0 && (
        <Timeline
          entries={x.timeline.entries}
          current={selected?.kind === 'edge' ? selected.id : undefined}
          truncated={x.timeline.truncated}
          onChoose={(id) => void actions.chooseInTimeline(id)}
        />
      )}
    </div>
  );
}
