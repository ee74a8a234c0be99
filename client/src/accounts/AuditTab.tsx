import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { accountsApi } from './accountsApi';
import { AuditRow } from './AuditRow';
import { errorText } from './errorText';

const pageSizes = [50, 100, 500];

/** Admins: the append-only audit log, newest first, filtered by the start of an action, a page at a time. */
export function AuditTab() {
  const [action, setAction] = useState('');
  const [limit, setLimit] = useState(50);
  /** The ids above which each page shown so far starts, for "Newer"; the last is this page's. */
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages.at(-1);
  const listed = useQuery({
    queryKey: ['account', 'audit', action.trim(), limit, before],
    queryFn: () => accountsApi.audit({ action: action.trim(), limit, before }),
    placeholderData: keepPreviousData,
  });
  const users = useQuery({ queryKey: ['account', 'users'], queryFn: () => accountsApi.users() });
  const usernames = useMemo(() => new Map(users.data?.users.map((user) => [user.id, user.username])), [users.data]);
  const entries = listed.data?.entries ?? [];
  const oldest = entries.at(-1)?.id;
  const restart = () => setPages([undefined]);

  return (
    <>
      <form
        className="inline-form"
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="fields">
          <label>
            Action starts with
            <input
              value={action}
              placeholder="user., key., session."
              onChange={(event) => {
                setAction(event.target.value);
                restart();
              }}
            />
          </label>
          <label>
            Entries per page
            <select
              value={limit}
              onChange={(event) => {
                setLimit(Number(event.target.value));
                restart();
              }}
            >
              {pageSizes.map((size) => (
                <option key={size}>{size}</option>
              ))}
            </select>
          </label>
        </div>
      </form>
      {listed.error && (
        <p className="form-error" role="alert">
          {errorText(listed.error)}
        </p>
      )}
      <table className="account-table audit">
        <caption>Audit log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Before and after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} usernames={usernames} />
          ))}
        </tbody>
      </table>
      {entries.length === 0 && !listed.isPending && <p className="hint">No entries.</p>}
      <div className="pager">
        <button disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>
          ← Newer
        </button>
        <button disabled={entries.length < limit || !oldest} onClick={() => setPages([...pages, oldest])}>
          Older →
        </button>
      </div>
    </>
  );
}
