import type { Analysis } from '../../../shared/analytics/measures.js';
import { communityColour } from './looks';

/** The communities' colours with their sizes and what binds each; single nodes are counted, not listed. */
export function CommunityLegend({ analysis }: { analysis: Analysis }) {
  const groups = analysis.communities.filter((community) => community.size > 1);
  const alone = analysis.communities.length - groups.length;
  return (
    <div className="community-legend" aria-label="Communities">
      <h4>
        {groups.length} communit{groups.length === 1 ? 'y' : 'ies'}
        {analysis.modularity !== undefined && (
          <span className="count" title="Louvain's modularity: above 0.3, the groups are clearly apart">
            {' '}
            modularity {analysis.modularity.toFixed(2)}
          </span>
        )}
      </h4>
      <ol>
        {groups.map((community) => (
          <li key={community.id} title={community.explanation}>
            <span className="swatch" style={{ background: communityColour(community.id) }} />
            <span className="community-name">
              {community.central[0]?.caption ?? `Community ${community.id + 1}`}
            </span>{' '}
            <span className="count">{community.size}</span>
            <div className="hint">{community.explanation}</div>
          </li>
        ))}
      </ol>
      {alone > 0 && (
        <p className="hint">
          {alone} node{alone === 1 ? '' : 's'} with no relationship shown form{alone === 1 ? 's' : ''} no group.
        </p>
      )}
    </div>
  );
}
