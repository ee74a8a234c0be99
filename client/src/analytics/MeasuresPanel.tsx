import type { RankedMeasure } from '../../../shared/analytics/measures.js';
import { CommunityLegend } from './CommunityLegend';
import { rankedMeasures, type MeasureRule } from './looks';
import type { AnalyticsState } from './useAnalytics';

/** The styling panel's measure rules: size and colour by a measure or community, the weight, the table. */
export function MeasuresPanel({ state }: { state: AnalyticsState }) {
  const { analysis, rule, setRule } = state;
  const choices = rankedMeasures.filter((measure) => measure.key !== 'weightedDegree' || state.weight);
  const set = (field: keyof MeasureRule, value: string) => {
    const next: MeasureRule = { ...rule };
    if (value) (next as Record<string, string>)[field] = value;
    else delete next[field];
    setRule(next);
  };
  return (
    <section className="measures" aria-label="Measures">
      <h3>Measures</h3>
      <p className="hint" role="status">
        {!analysis
          ? 'Computing the measures…'
          : `Of the ${analysis.nodeCount.toLocaleString('en')} nodes and ${analysis.edgeCount.toLocaleString('en')} relationships shown` +
            `${state.computing ? ' (updating…)' : state.elapsedMs !== undefined ? `, in ${state.elapsedMs} ms` : ''}.`}
        {analysis?.betweennessSample &&
          ` Betweenness is estimated from shortest paths starting at ${analysis.betweennessSample.sources} sampled nodes.`}
      </p>
      <label>
        Size by
        <select value={rule.size ?? ''} onChange={(event) => set('size', event.target.value)}>
          <option value="">Label style</option>
          {choices.map((measure) => (
            <option key={measure.key} value={measure.key}>
              {measure.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Colour by
        <select value={rule.color ?? ''} onChange={(event) => set('color', event.target.value)}>
          <option value="">Label</option>
          <option value="community">Community</option>
          {choices.map((measure) => (
            <option key={measure.key} value={measure.key}>
              {measure.name}
            </option>
          ))}
        </select>
      </label>
      {state.weightKeys.length > 0 && (
        <label>
          Weight degree by
          <select
            value={state.weight ?? ''}
            onChange={(event) => {
              const next = event.target.value || undefined;
              state.setWeight(next);
              if (!next && (rule.size === 'weightedDegree' || rule.color === 'weightedDegree'))
                setRule(
                  Object.fromEntries(
                    Object.entries(rule).filter(([, value]) => value !== ('weightedDegree' satisfies RankedMeasure)),
                  ),
                );
            }}
          >
            <option value="">No weight</option>
            {state.weightKeys.map((key) => (
              <option key={key}>{key}</option>
            ))}
          </select>
        </label>
      )}
      <button onClick={() => state.setTableOpen(!state.tableOpen)} aria-expanded={state.tableOpen} disabled={!analysis}>
        {state.tableOpen ? 'Close the ranked table' : 'Ranked table'}
      </button>
      {analysis && rule.color === 'community' && <CommunityLegend analysis={analysis} />}
    </section>
  );
}
