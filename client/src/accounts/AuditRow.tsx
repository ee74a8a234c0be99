import type { AuditEntry } from './accountsApi';
import { when } from './formatting';

interface Props {
  entry: AuditEntry;
  /** User names by id, to name a target that is a user. */
  usernames: ReadonlyMap<string, string>;
}

const absent = (value: unknown) => value === null || value === undefined;

function Snapshot({ title, value }: { title?: string; value: unknown }) {
  return (
    <div>
      {title && <h4>{title}</h4>}
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** One audit entry; its before and after open on demand, being often long. */
export function AuditRow({ entry, usernames }: Props) {
  const { before, after, target } = entry;
  const named = target.type === 'user' && target.id ? usernames.get(target.id) : undefined;
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={entry.at}>{when(entry.at)}</time>
      </td>
      <td>
        {entry.actor.name} {entry.actor.kind !== 'user' && <span className="hint">{entry.actor.kind}</span>}
      </td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {target.type} {named && <strong>{named}</strong>}
        {target.id && !named && <span className="hint">{target.id}</span>}
      </td>
      <td>
        {absent(before) && absent(after) ? (
          <span className="hint">nothing recorded</span>
        ) : (
          <details>
            <summary>{absent(before) ? 'After' : absent(after) ? 'Before' : 'Before and after'}</summary>
            <div className="before-after">
              {/* Headed only side by side: alone, the summary has said which it is. */}
              {!absent(before) && <Snapshot title={absent(after) ? undefined : 'Before'} value={before} />}
              {!absent(after) && <Snapshot title={absent(before) ? undefined : 'After'} value={after} />}
            </div>
          </details>
        )}
      </td>
    </tr>
  );
}
