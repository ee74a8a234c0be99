import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../accounts/errorText';
import { investigationsApi, type InvestigationVersionDetail } from './investigationsApi';

interface Props {
  id: string;
  current: number;
  writable: boolean;
  /** A version was made current again: the page reopens it. */
  onRestored: () => void;
  onClose: () => void;
}

type Changes = NonNullable<InvestigationVersionDetail['changes']>;

function describe(changes: Changes): string {
  const parts = [
    changes.nodesAdded.length && `${changes.nodesAdded.length} nodes added`,
    changes.nodesRemoved.length && `${changes.nodesRemoved.length} removed`,
    changes.relationshipsAdded.length && `${changes.relationshipsAdded.length} relationships added`,
    changes.relationshipsRemoved.length && `${changes.relationshipsRemoved.length} relationships removed`,
    changes.moved && `${changes.moved} moved`,
    changes.titleChanged && 'title changed',
    changes.notes.added.length && `${changes.notes.added.length} notes added`,
    changes.notes.edited.length && `${changes.notes.edited.length} notes edited`,
    changes.notes.deleted.length && `${changes.notes.deleted.length} notes deleted`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no change to nodes, relationships or notes (zoom, filters or styles)';
}

/** Every saved version: who saved it and when, what changed from the one before, and restoring one. */
export function VersionsDialog({ id, current, writable, onRestored, onClose }: Props) {
  const versions = useQuery({
    queryKey: ['investigation-versions', id, current],
    queryFn: () => investigationsApi.versions(id),
  });
  const [changes, setChanges] = useState<Record<number, string>>({});
  const [error, setError] = useState<string>();
  const compare = (version: number) =>
    void investigationsApi
      .version(id, version, version - 1)
      .then((detail) => setChanges((shown) => ({ ...shown, [version]: describe(detail.changes!) })))
      .catch((failure: unknown) => setError(errorText(failure)));
  const restore = (version: number) =>
    void investigationsApi
      .restore(id, version, current)
      .then(onRestored)
      .catch((failure: unknown) => setError(errorText(failure)));

  return (
    <div className="dialog-backdrop">
      <section className="dialog" role="dialog" aria-label="Versions">
        <h2>Versions</h2>
        {versions.error && <p className="form-error">{errorText(versions.error)}</p>}
        <ol className="version-list">
          {versions.data?.items.map((item) => (
            <li key={item.version}>
              <strong>Version {item.version}</strong> · {new Date(item.savedAt).toLocaleString()} · {item.author} ·{' '}
              {item.nodeCount} nodes
              {item.version > 1 &&
                (changes[item.version] ? (
                  <p className="hint">
                    Since version {item.version - 1}: {changes[item.version]}
                  </p>
                ) : (
                  <button onClick={() => compare(item.version)}>What changed</button>
                ))}
              {writable && item.version !== current && (
                <button onClick={() => restore(item.version)}>Restore this version</button>
              )}
            </li>
          ))}
        </ol>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button onClick={onClose}>Close</button>
      </section>
    </div>
  );
}
