import { SourceName } from '../evidence/Versions';
import type { Edit } from './editingApi';

const actions: Record<string, string> = {
  'node.create': 'made',
  'node.update': 'changed',
  'node.delete': 'deleted',
  'relationship.create': 'made',
  'relationship.update': 'changed',
  'relationship.version': 'stated another figure',
  'relationship.delete': 'deleted',
  revert: 'reverted an edit',
  merge: 'merged another node in',
  'merge.undo': 'undid a merge',
};

/** Keys an edit changed, from its before and after: not its evidence, identity or the precision of its dates. */
function changedKeys(edit: Edit): string[] {
  const after = (edit.after as { properties?: Record<string, unknown> } | null)?.properties ?? {};
  return Object.keys(after).filter(
    (key) => !key.startsWith('_entente') && !['claim', 'sources', 'id'].includes(key) && !key.endsWith('Precision'),
  );
}

/** Who changed what and when, with the claim and sources of each change; each can be reverted. */
export function HistoryList({
  edits,
  canRevert,
  busy,
  onRevert,
}: {
  edits: Edit[];
  canRevert: boolean;
  busy: boolean;
  onRevert: (id: number) => void;
}) {
  if (!edits.length) return <p className="hint">Never edited in Entente.</p>;
  return (
    <ol className="history" aria-label="History">
      {edits.map((edit) => (
        <li key={edit.id} data-edit={edit.id}>
          <div>
            <strong>{edit.actor}</strong> {actions[edit.action] ?? edit.action}
            {changedKeys(edit).length > 0 && <> ({changedKeys(edit).join(', ')})</>} ·{' '}
            <time dateTime={edit.at}>{new Date(edit.at).toLocaleString()}</time>
          </div>
          <p className="claim">{edit.claim}</p>
          {edit.sources.length > 0 && (
            <div className="meta">
              Sources:{' '}
              {edit.sources.map((source, index) => (
                <span key={source}>
                  {index > 0 && '; '}
                  <SourceName id={source} />
                </span>
              ))}
            </div>
          )}
          {edit.revertedBy !== null ? (
            <div className="meta">Reverted by edit {edit.revertedBy}</div>
          ) : (
            canRevert &&
            edit.action !== 'revert' &&
            !edit.action.startsWith('merge') && (
              <button className="link" disabled={busy} onClick={() => onRevert(edit.id)}>
                Revert
              </button>
            )
          )}
        </li>
      ))}
    </ol>
  );
}
