import { ProblemError } from '../http/problem.js';
import { loadSql, type Queryable } from '../store/store.js';

const sql = loadSql('edits/gone');

/**
 * The answer to a read of a node or relationship that is not in the graph: 410 Gone, saying when, where
 * Entente's edits (the store's graph_edits and graph_merges) know it was deleted or merged away; 404
 * otherwise (Entente never knew it, or it was removed outside Entente).
 */
export async function missingEntity(
  store: Queryable,
  kind: 'node' | 'relationship',
  id: string,
): Promise<ProblemError> {
  const [row] = await store.rows<{ at: Date; how: 'deleted' | 'merged'; into_id: string | null }>(sql['edits/gone'], [
    id,
    kind,
    kind === 'node',
  ]);
  const name = `${kind === 'node' ? 'node' : 'relationship'} "${id}"`;
  if (!row) return ProblemError.notFound(`No ${kind} has the id "${id}".`);
  const at = row.at.toISOString();
  return row.how === 'merged'
    ? new ProblemError(410, 'gone', 'Gone', `The ${name} was merged into "${row.into_id}" at ${at}.`).with({
        deletedAt: at,
        mergedInto: row.into_id,
      })
    : new ProblemError(410, 'gone', 'Gone', `The ${name} was deleted at ${at}.`).with({ deletedAt: at });
}
