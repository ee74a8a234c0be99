import { lazy, Suspense } from 'react';
import { NeedsScope } from '../accounts/NeedsScope';
import { api } from '../api/api';
import { ElementList } from '../canvas/ElementList';
import { FilterPanel } from '../filters/FilterPanel';
import { useValueFilters } from '../filters/useValueFilters';
import { ExplorerNotes } from './ExplorerCanvas';
import { PanelTabs } from './PanelTabs';
import type { Explorer } from './useExplorer';

// Panels most visits never open are loaded when first opened, off the explorer's first load: saved queries,
// disagreements, the import panel, editing and the console (its editor is the client's heaviest part).
const QueriesPanel = lazy(() => import('../queries/QueriesPanel').then((module) => ({ default: module.QueriesPanel })));
const DisagreementsPanel = lazy(() =>
  import('../evidence/Disagreements').then((module) => ({ default: module.DisagreementsPanel })),
);
const ImportPanel = lazy(() => import('../imports/ImportPanel').then((module) => ({ default: module.ImportPanel })));
const EditPanel = lazy(() => import('../editing/EditPanel').then((module) => ({ default: module.EditPanel })));
const ValueFilterForm = lazy(() =>
  import('../filters/ValueFilterForm').then((module) => ({ default: module.ValueFilterForm })),
);
const MeasuresPanel = lazy(() =>
  import('../analytics/MeasuresPanel').then((module) => ({ default: module.MeasuresPanel })),
);
const SizeLegend = lazy(() => import('../styling/SizeLegend').then((module) => ({ default: module.SizeLegend })));
const RulesSection = lazy(() => import('../styling/RulesSection').then((module) => ({ default: module.RulesSection })));
const CypherConsole = lazy(() =>
  import('../queries/CypherConsole').then((module) => ({ default: module.CypherConsole })),
);

const toggled = (list: string[], value: string) =>
  list.includes(value) ? list.filter((item) => item !== value) : [...list, value];

function Legend({ x }: { x: Explorer }) {
  const { filters, hiddenLabels, hiddenTypes, dispatch } = x.history;
  const valueFilters = useValueFilters(filters, dispatch);
  return (
    <>
      <FilterPanel
        loading={x.explore.start.kind === 'loading'}
        labels={x.counts.labels}
        drawnLabels={x.counts.drawnLabels}
        types={x.counts.types}
        hiddenLabels={hiddenLabels}
        hiddenTypes={hiddenTypes}
        onToggleLabel={(label) =>
          dispatch({ type: 'filter', filters: { ...filters, hiddenLabels: toggled(filters.hiddenLabels, label) } })
        }
        styles={x.settings.styles}
        keys={x.counts.keys}
        onStyle={x.settings.setStyle}
        onToggleType={(type) =>
          dispatch({ type: 'filter', filters: { ...filters, hiddenTypes: toggled(filters.hiddenTypes, type) } })
        }
      />
      {x.items.length > 0 && (
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <SizeLegend graph={x.history.graph} styles={x.settings.styles} />
          <RulesSection elements={x.items} rules={x.settings.rules} onChange={x.settings.setRules} />
          <ValueFilterForm elements={x.items} onApply={valueFilters.add} />
        </Suspense>
      )}
      <Suspense fallback={null}>
        <MeasuresPanel state={x.analytics} />
      </Suspense>
    </>
  );
}

/** The side panel: a strip of tabs and the panel chosen. */
export function SidePanels({ x }: { x: Explorer }) {
  const { tab, setResults } = x.panels;
  const { addGraph } = x.explore;
  return (
    <nav className="side" id="side-panels" aria-label="Panels" tabIndex={-1}>
      {/* The panels' own headings are h3s, under this one (the page's h1 is in the toolbar). */}
      <h2 className="visually-hidden">Panels</h2>
      <PanelTabs x={x} />
      {tab === 'filters' && <Legend x={x} />}
      {tab === 'list' && <ElementList graph={x.history.graph} view={x.view} onSelect={x.focus.select} />}
      <Suspense fallback={<p className="hint">Loading…</p>}>
        {tab === 'queries' && (
          <QueriesPanel onGraph={(added, mode) => void addGraph(added, mode)} onResult={setResults} />
        )}
        {tab === 'disagreements' && (
          <DisagreementsPanel
            onShow={(shown, ids) =>
              void addGraph(shown).then(() => {
                x.settings.highlight(ids);
                if (ids[0])
                  x.actions.selectAndCentre({
                    kind: shown.edges.some((edge) => edge.id === ids[0]) ? 'edge' : 'node',
                    id: ids[0],
                  });
              })
            }
          />
        )}
      </Suspense>
      {tab === 'notes' && x.saved.current && <ExplorerNotes x={x} />}
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
            <EditPanel
              nodes={Object.values(x.history.graph.nodes)}
              onGraph={(added, mode) => void addGraph(added, mode)}
            />
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
  );
}
