import type { ApiEdge, ApiNode } from '../api/api';
import { verbs, verbsByStance } from '../app/dataset';
import { own } from '../app/records';
import { formatDate, formatUntil } from '../inspect/format';
import { timeOf, type Dating } from './dating';

/** A relationship's type as a verb; a stake reads by its stance ("seeks a stake in", "holds a stake in"). */
export function verbOf(type: string, properties: Record<string, unknown> = {}): string {
  const { stance } = properties;
  const byStance = typeof stance === 'string' ? own(own(verbsByStance, type), stance) : undefined;
  return byStance ?? own(verbs, type) ?? type.toLowerCase().replace(/_/g, ' ');
}

/** A period from its first to its last period; one period ("2024") when they are the same. */
function period(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}

export interface TimelineEntry {
  id: string;
  /** Sorting key: when it began. */
  date: string;
  /** "March 2023 – July 2024", "2019 –" (still holds), or one date for an instant. */
  when: string;
  /** Source first, as the relationship points: "Sam Altman founded OpenAI". */
  sentence: string;
}

/** The dated relationships of a node, oldest first, each as a sentence in its own direction. */
export function timelineOf(
  nodeId: string,
  nodes: Record<string, ApiNode>,
  edges: Record<string, ApiEdge>,
  dating: Dating = {},
): TimelineEntry[] {
  return Object.values(edges)
    .filter((edge) => edge.source === nodeId || edge.target === nodeId)
    .flatMap((edge) => {
      const { since, until, sincePrecision, untilPrecision } = timeOf(edge, dating);
      if (!since) return [];
      const from = formatDate(since, sincePrecision);
      const caption = (id: string) => own(nodes, id)?.caption ?? id;
      return [
        {
          id: edge.id,
          date: since,
          when: until ? period(from, formatUntil(until, untilPrecision)) : from,
          sentence: `${caption(edge.source)} ${verbOf(edge.type, edge.properties)} ${caption(edge.target)}`,
        },
      ];
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.sentence.localeCompare(b.sentence));
}
