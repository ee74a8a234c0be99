import { useQuery } from '@tanstack/react-query';
import type { Disagreement, DisagreementVersion, Graph } from '../api/api';
import { disagreementsQuery, nodeQuery } from '../api/queries';
import { formatDate, formatProperty, formatUntil } from '../inspect/format';
import { verbOf } from '../time/timeline';

/** A source document by its title (one cached request per document). */
export function SourceName({ id }: { id: string }) {
  const found = useQuery(nodeQuery(id));
  return <>{found.data?.node.caption ?? id}</>;
}

/** A version's figures as people read them: "$13 billion", "30–35 %". */
export function figuresText(figures: Record<string, unknown>): string {
  const { percentMin, percentMax, ...rest } = figures;
  const parts = Object.entries(rest).map(([key, value]) => formatProperty(key, value, {}));
  if (typeof percentMin === 'number' && typeof percentMax === 'number') parts.push(`${percentMin}–${percentMax} %`);
  else if (typeof percentMin === 'number') parts.push(`at least ${percentMin} %`);
  else if (typeof percentMax === 'number') parts.push(`at most ${percentMax} %`);
  return parts.join(', ') || '—';
}

/** A disagreement group's key as words: "microsoft-total-investment" reads "Microsoft total investment". */
export function groupName(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The disagreement a node or relationship is a version of, if any. */
export function useDisagreementOf(id: string | undefined) {
  const answer = useQuery({ ...disagreementsQuery(), enabled: id !== undefined });
  const disagreement = answer.data?.disagreements.find((group) => group.versions.some((version) => version.id === id));
  return disagreement && answer.data ? { disagreement, graph: answer.data.graph } : undefined;
}

/** Properties that are the version's evidence, figures or dates (their own columns), or its identity. */
const notStatement = new Set(['claim', 'sources', 'qualifier', 'disputes', 'key', 'id', 'name', 'since', 'until']);

/**
 * What a version states, so that versions of one disagreement read as the different statements they are: a
 * relationship's type in words between its ends ("Microsoft invested in OpenAI"), a node's name and label;
 * the claim where the graph does not hold the element. Where versions read the same but differ in a word-valued
 * property all of them have (the default dataset's `stance`: sought, offered, discussed), that value is added:
 * "Microsoft stake in OpenAI for-profit restructuring (sought)" beside "… (offered)".
 */
export function factTexts(disagreement: Disagreement, graph: Graph): Map<string, string> {
  const captionOf = (id: string) => graph.nodes.find((node) => node.id === id)?.caption ?? id;
  const read = disagreement.versions.map((version) => {
    const element =
      version.kind === 'relationship'
        ? graph.edges.find((edge) => edge.id === version.id)
        : graph.nodes.find((node) => node.id === version.id);
    let text = version.claim ?? version.id;
    if (element && 'type' in element)
      text = `${captionOf(element.source)} ${verbOf(element.type, element.properties)} ${captionOf(element.target)}`;
    else if (element)
      text = element.labels.length ? `${element.caption} (${element.labels.join(', ')})` : element.caption;
    return { version, text, properties: element?.properties ?? {} };
  });
  const texts = new Map<string, string>();
  for (const { version, text, properties } of read) {
    const alike = read.filter((other) => other.text === text);
    const telling =
      alike.length < 2
        ? []
        : Object.keys(properties).filter(
            (key) =>
              !notStatement.has(key) &&
              !key.startsWith('_entente') &&
              !key.endsWith('Precision') &&
              !(key in version.figures) &&
              alike.every((other) => typeof other.properties[key] === 'string') &&
              new Set(alike.map((other) => other.properties[key])).size > 1,
          );
    const values = telling.sort().map((key) => String(properties[key]));
    texts.set(version.id, values.length ? `${text} (${values.join(', ')})` : text);
  }
  return texts;
}

function periodText(version: DisagreementVersion, graph: Graph): string {
  const element =
    version.kind === 'node'
      ? graph.nodes.find((node) => node.id === version.id)
      : graph.edges.find((edge) => edge.id === version.id);
  const properties = element?.properties ?? {};
  const since = version.since ? formatDate(version.since, properties.sincePrecision) : undefined;
  const until = version.until ? formatUntil(version.until, properties.untilPrecision) : undefined;
  if (since && until) return `${since} – ${until}`;
  if (since) return `since ${since}`;
  if (until) return `until ${until}`;
  return '—';
}

/** Every version of one fact side by side, source by source, each saying what it states: never averaged. */
export function VersionsTable({
  disagreement,
  graph,
  current,
}: {
  disagreement: Disagreement;
  graph: Graph;
  current?: string;
}) {
  const statements = factTexts(disagreement, graph);
  return (
    <table className="versions">
      <caption>
        {groupName(disagreement.id)}: the sources give {disagreement.versions.length} versions
      </caption>
      <thead>
        <tr>
          <th scope="col">Figures</th>
          <th scope="col">Qualifier</th>
          <th scope="col">Period</th>
        </tr>
      </thead>
      {/* One group per version: what it states on a line of its own, its figures, then its sources across the
          whole width (in a column of their own, titles wrapped one word per line in the 320 px inspector). */}
      {disagreement.versions.map((version) => (
        <tbody key={version.id} className={version.id === current ? 'current' : undefined}>
          <tr className="statement">
            <th scope="rowgroup" colSpan={3}>
              {statements.get(version.id)}
            </th>
          </tr>
          <tr aria-current={version.id === current ? 'true' : undefined}>
            <td>{figuresText(version.figures)}</td>
            <td>{version.qualifier ?? '—'}</td>
            <td>{periodText(version, graph)}</td>
          </tr>
          <tr className="version-sources">
            <td colSpan={3}>
              <span className="meta">Sources: </span>
              {version.sources.length
                ? version.sources.map((source, index) => (
                    <span key={source}>
                      {index > 0 && '; '}
                      <SourceName id={source} />
                    </span>
                  ))
                : 'none'}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}

/** Versions of the selection's fact, in the inspector. */
export function SelectionVersions({ id }: { id: string }) {
  const found = useDisagreementOf(id);
  if (!found) return null;
  return (
    <section className="disagreement" aria-label="Sources disagree">
      <h3>Sources disagree</h3>
      <VersionsTable disagreement={found.disagreement} graph={found.graph} current={id} />
    </section>
  );
}
