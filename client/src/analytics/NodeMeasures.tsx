import type { Analysis, PairThrough } from '../../../shared/analytics/measures.js';
import { own } from '../app/records';
import { communityColour, formatValue, measureName, rankedMeasures, valueOf } from './looks';
import type { AnalyticsState } from './useAnalytics';

interface Props {
  id: string;
  state: AnalyticsState;
  /** Captions of the nodes on the canvas, to name the pairs. */
  captionOf: (id: string) => string;
  /** Highlights the shortest paths of a pair through the node. */
  onShowPair: (pair: PairThrough) => void;
  /** Draws the node's neighbourhood `depth` rings deep (fetched by the server), to measure it. */
  onNeighbourhood: (depth: number) => void;
}

function NeighbourhoodButtons({ onNeighbourhood }: Pick<Props, 'onNeighbourhood'>) {
  return (
    <p className="neighbourhood">
      Measure its neighbourhood:{' '}
      {[1, 2].map((depth) => (
        <button key={depth} onClick={() => onNeighbourhood(depth)}>
          {depth} step{depth === 1 ? '' : 's'}
        </button>
      ))}
    </p>
  );
}

function Values({ analysis, id }: { analysis: Analysis; id: string }) {
  const values = own(analysis.values, id);
  if (!values) return null;
  return (
    <table className="measure-values">
      <tbody>
        {rankedMeasures
          .filter((measure) => valueOf(values, measure.key) !== undefined)
          .map((measure) => (
            <tr key={measure.key}>
              <th scope="row">{measure.name}</th>
              <td className="number">{formatValue(measure.key, valueOf(values, measure.key))}</td>
              <td className="count">
                {own(analysis.ranks[measure.key], id) ?? '–'} of {analysis.nodeCount}
              </td>
            </tr>
          ))}
        {values.community !== undefined && (
          <tr>
            <th scope="row">Community</th>
            <td>
              <span className="swatch" style={{ background: communityColour(values.community) }} />{' '}
              {values.community + 1}
            </td>
            <td className="count">{analysis.communities[values.community]?.size} nodes</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The selected node's measures in the inspector: values and ranks, the sentences, the pairs it lies between. */
export function NodeMeasures({ id, state, captionOf, onShowPair, onNeighbourhood }: Props) {
  const { analysis, explanation } = state;
  if (!analysis) return null;
  if (!own(analysis.values, id))
    return (
      <section className="node-measures" aria-label="Measures of the selection">
        <h3>Measures</h3>
        <p className="hint">Not measured: it is filtered out or does not hold on the As of date.</p>
      </section>
    );
  return (
    <section className="node-measures" aria-label="Measures of the selection">
      <h3>Measures</h3>
      <Values analysis={analysis} id={id} />
      <NeighbourhoodButtons onNeighbourhood={onNeighbourhood} />
      {explanation && (
        <>
          <ul className="explanation" data-testid="measure-explanation">
            {explanation.sentences.map((sentence) => (
              <li key={sentence.measure}>
                <strong>{sentence.measure === 'communities' ? 'Community' : measureName(sentence.measure)}:</strong>{' '}
                {explanation.caption} {sentence.text.replace(/\.$/, '')}.
              </li>
            ))}
          </ul>
          {explanation.pairs && explanation.pairs.length > 0 && (
            <>
              <h4>
                On shortest paths of {explanation.pairCount} pair{explanation.pairCount === 1 ? '' : 's'}
                {explanation.pairs.length < (explanation.pairCount ?? 0) &&
                  `, the ${explanation.pairs.length} most dependent on it`}
              </h4>
              <p className="hint">Choose a pair to highlight its shortest paths through {explanation.caption}.</p>
              <ul className="pairs">
                {explanation.pairs.map((pair) => (
                  <li key={`${pair.source}|${pair.target}`}>
                    <button className="link" onClick={() => onShowPair(pair)}>
                      {captionOf(pair.source)} – {captionOf(pair.target)}
                    </button>{' '}
                    <span className="count">
                      {pair.share === 1 ? 'every' : `${Math.round(pair.share * 100)} % of the`} shortest path
                      {pair.share === 1 ? '' : 's'} ({pair.length} steps)
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
