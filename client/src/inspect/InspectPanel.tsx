import { useQueries, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ApiEdge, ApiNode } from '../api/api';
import { nodeQuery } from '../api/queries';
import { formatDate, formatProperty, propertyOrder, readableKey } from './format';
import { isDisputed } from '../evidence/disputes';
import { SelectionVersions } from '../evidence/Versions';
import { PositionsOn } from '../evidence/Positions';
import { EditingSection } from '../editing/EditingSection';
import type { Graph } from '../api/api';
import type { Gone } from '../editing/editingApi';

/** Beyond this many characters a text is cut to four lines, with More to read it whole. */
const longText = 160;

/** A caption or value that may be thousands of characters: four lines at most until More is pressed. */
function Clamped({ text, children }: { text: string; children: (className: string) => ReactNode }) {
  const [whole, setWhole] = useState(false);
  if (text.length <= longText) return children('');
  return (
    <>
      {children(whole ? '' : 'clamped')}
      <button className="link more" aria-expanded={whole} onClick={() => setWhole(!whole)}>
        {whole ? 'less' : 'more'}
      </button>
    </>
  );
}

/** Labels of the nodes positions are taken on in the default dataset: an issue, a project, a complaint, a deal. */
const positionSubjects = ['Issue', 'Project', 'Lawsuit', 'Deal', 'Company'];

interface Props {
  item: { kind: 'node'; node: ApiNode } | { kind: 'edge'; edge: ApiEdge; source?: ApiNode; target?: ApiNode };
  onShowSource: (sourceId: string) => void;
  /** Opens the node's expand menu next to the given element (keyboard access to what right-click does). */
  onOpenMenu: (nodeId: string, at: { x: number; y: number }) => void;
  /** Relationships of the selected node folded into one edge per neighbour, to open one by one. */
  folded?: { key: string; neighbour: string; count: number }[];
  onUnfold?: (key: string) => void;
  /** Groups around the selection drawn one by one, to fold back into one counted edge. */
  unfolded?: { key: string; neighbour: string; count: number }[];
  onFold?: (key: string) => void;
  /** Puts what an edit changed on the canvas; `gone`: what it took off the graph. */
  onEdited?: (graph: Graph, gone?: Gone) => void;
}

/** Properties shown in their own sections (evidence, dates) rather than in the table. */
const shownElsewhere = new Set([
  'claim',
  'sources',
  'sincePrecision',
  'untilPrecision',
  'publishedPrecision',
  'deadlinePrecision',
  'statusAsOfPrecision',
  'id',
  'name',
]);

function Evidence({
  claim,
  sources,
  onShowSource,
}: {
  claim?: unknown;
  sources: string[];
  onShowSource: (id: string) => void;
}) {
  // One cached request per document, shared by every relationship that cites it.
  const found = useQueries({ queries: sources.map((id) => nodeQuery(id)) });
  const documents: Record<string, ApiNode | undefined> = Object.fromEntries(
    sources.map((id, index) => [id, found[index]?.data?.node]),
  );
  return (
    <section className="evidence" aria-label="Evidence">
      <h3>Evidence</h3>
      {typeof claim === 'string' && <p className="claim">{claim}</p>}
      <ul>
        {sources.map((id) => {
          const document = documents[id];
          const published = document?.properties.published;
          return (
            <li key={id}>
              <button className="link" onClick={() => onShowSource(id)} title="Show everything this source supports">
                {document?.caption ?? id}
              </button>
              <span className="meta">
                {[
                  document?.properties.outlet,
                  document?.properties.author,
                  typeof published === 'string'
                    ? formatDate(published, document?.properties.publishedPrecision)
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A property that names another node by its id (`endedBy`): the node's caption when there is one. */
function NodeReference({ id }: { id: string }) {
  const found = useQuery({ ...nodeQuery(id), retry: false });
  return <>{found.data?.node.caption ?? id}</>;
}

/** Keys whose text value may be another node's id. */
const referenceKeys = /By$/;

/** The side panel for the selection: its properties formatted for people, and the evidence behind it. */
export function InspectPanel({
  item,
  onShowSource,
  onOpenMenu,
  folded = [],
  onUnfold,
  unfolded = [],
  onFold,
  onEdited,
}: Props) {
  const properties = item.kind === 'node' ? item.node.properties : item.edge.properties;
  const sources = Array.isArray(properties.sources) ? (properties.sources as string[]) : [];
  const rows = Object.entries(properties)
    // Entente's own bookkeeping (`_entente_version`…) is not the data: the history shows what it records.
    .filter(([key]) => !shownElsewhere.has(key) && !key.startsWith('_entente'))
    .sort(([a], [b]) => propertyOrder(a) - propertyOrder(b));
  return (
    <aside className="inspect" aria-label="Details of the selection" tabIndex={0} data-testid="inspect">
      {item.kind === 'node' ? (
        <>
          <Clamped key={item.node.id} text={item.node.caption}>
            {(className) => (
              <h2 className={className} title={item.node.caption.length > 200 ? item.node.caption : undefined}>
                {item.node.caption}
              </h2>
            )}
          </Clamped>
          <div className="labels">{item.node.labels.join(' · ')}</div>
          <button
            onClick={(event) => {
              const box = event.currentTarget.getBoundingClientRect();
              onOpenMenu(item.node.id, { x: box.left - 230, y: box.top });
            }}
          >
            Expand, paths, pin…
          </button>
        </>
      ) : (
        <>
          <h2>{item.edge.type}</h2>
          <Clamped
            key={item.edge.id}
            text={`${item.source?.caption ?? item.edge.source} → ${item.target?.caption ?? item.edge.target}`}
          >
            {(className) => (
              <div className={`labels ${className}`}>
                {item.source?.caption ?? item.edge.source} → {item.target?.caption ?? item.edge.target}
              </div>
            )}
          </Clamped>
        </>
      )}
      <table>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{readableKey(key)}</th>
              <td>
                {referenceKeys.test(key) && typeof value === 'string' && /^[\w.-]+$/.test(value) ? (
                  <NodeReference id={value} />
                ) : (
                  <Clamped key={`${key} ${String(value).length}`} text={formatProperty(key, value, properties)}>
                    {(className) => <div className={className}>{formatProperty(key, value, properties)}</div>}
                  </Clamped>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {isDisputed(properties) && <SelectionVersions id={item.kind === 'node' ? item.node.id : item.edge.id} />}
      {item.kind === 'node' && item.node.labels.some((label) => positionSubjects.includes(label)) && (
        <PositionsOn id={item.node.id} />
      )}
      {folded.length > 0 && (
        <section className="folded" aria-label="Folded relationships">
          <h3>Folded relationships</h3>
          <ul>
            {folded.map((group) => (
              <li key={group.key}>
                <button className="link" onClick={() => onUnfold?.(group.key)}>
                  Show the {group.count} relationships with {group.neighbour} one by one
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {unfolded.length > 0 && (
        <section className="folded" aria-label="Unfolded relationships">
          <h3>Drawn one by one</h3>
          <ul>
            {unfolded.map((group) => (
              <li key={group.key}>
                <button className="link" onClick={() => onFold?.(group.key)}>
                  Fold the {group.count} relationships with {group.neighbour} into one
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(sources.length > 0 || typeof properties.claim === 'string') && (
        <Evidence claim={properties.claim} sources={sources} onShowSource={onShowSource} />
      )}
      {onEdited && (
        <EditingSection
          key={item.kind === 'node' ? `node:${item.node.id}` : `edge:${item.edge.id}`}
          target={
            item.kind === 'node' ? { kind: 'node', id: item.node.id } : { kind: 'relationship', id: item.edge.id }
          }
          onChanged={onEdited}
        />
      )}
    </aside>
  );
}
