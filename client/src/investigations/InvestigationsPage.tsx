import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { errorText } from '../accounts/errorText';
import { followLink, navigate } from '../accounts/navigation';
import { useMe } from '../accounts/useMe';
import { exportJsonFile } from '../share/exportFiles';
import { investigationsApi, type InvestigationSummary } from './investigationsApi';

const listKey = ['investigations'];

/** The investigations a user may open: search, open, rename, duplicate, export, delete, and import a file. */
export function InvestigationsPage() {
  const { can } = useMe();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string }>();
  const [renaming, setRenaming] = useState<{ id: string; title: string; version: number }>();
  const list = useInfiniteQuery({
    queryKey: [...listKey, q, mine],
    queryFn: ({ pageParam }) => investigationsApi.list({ q, mine, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const act = (work: Promise<unknown>, done: string) => {
    setMessage(undefined);
    work
      .then(() => {
        setMessage({ kind: 'info', text: done });
        return queryClient.invalidateQueries({ queryKey: listKey });
      })
      .catch((error: unknown) => setMessage({ kind: 'error', text: errorText(error) }));
  };
  const duplicate = (item: InvestigationSummary) =>
    act(
      investigationsApi
        .file(item.id)
        .then((file) => investigationsApi.importFile({ ...file, title: `${file.title} (copy)`.slice(0, 200) })),
      `“${item.title}” duplicated.`,
    );
  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(undefined);
    file
      .text()
      .then((text) => investigationsApi.importFile(JSON.parse(text)))
      .then((imported) => {
        void queryClient.invalidateQueries({ queryKey: listKey });
        setMessage({
          kind: 'info',
          text: imported.missing.length
            ? `Imported “${imported.title}”. ${imported.missing.length} of its nodes are not in this graph: ${imported.missing.slice(0, 5).join(', ')}${imported.missing.length > 5 ? '…' : ''}.`
            : `Imported “${imported.title}”.`,
        });
      })
      .catch((error: unknown) =>
        setMessage({
          kind: 'error',
          text: error instanceof SyntaxError ? 'That file is not JSON.' : errorText(error),
        }),
      );
  };

  return (
    <main className="investigations-page">
      <header>
        <h1>Investigations</h1>
        <a href="/" onClick={followLink}>
          Back to the explorer
        </a>
      </header>
      <div className="investigations-tools">
        <input
          type="search"
          aria-label="Search titles"
          placeholder="Search titles"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <label>
          <input type="checkbox" checked={mine} onChange={(event) => setMine(event.target.checked)} /> Only mine
        </label>
        {can('write:investigations') && (
          <label className="file-button">
            Import a file… <input type="file" accept="application/json,.json" onChange={importFile} />
          </label>
        )}
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'form-error' : 'hint'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      {list.error && <p className="form-error">{errorText(list.error)}</p>}
      {list.isSuccess && items.length === 0 && (
        <p className="hint">
          {q
            ? 'No investigation has that in its title.'
            : 'No investigations yet: build a view in the explorer and save it.'}
        </p>
      )}
      <table className="investigations-table">
        <thead>
          <tr>
            <th>Title</th>
            <th>Owner</th>
            <th>Nodes</th>
            <th>Updated</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                {renaming?.id === item.id ? (
                  <form
                    onSubmit={(event) => {
                      event.preventDefault();
                      act(
                        investigationsApi.update(item.id, { version: renaming.version, title: renaming.title.trim() }),
                        'Renamed.',
                      );
                      setRenaming(undefined);
                    }}
                  >
                    <input
                      aria-label="New title"
                      autoFocus
                      value={renaming.title}
                      onChange={(event) => setRenaming({ ...renaming, title: event.target.value })}
                    />
                    <button type="submit">Rename</button>
                  </form>
                ) : (
                  <a href={`/i/${item.id}`} onClick={followLink}>
                    {item.title}
                  </a>
                )}
                {item.description && <p className="hint">{item.description}</p>}
              </td>
              <td>{item.owner ?? 'admins'}</td>
              <td>{item.nodeCount}</td>
              <td>{new Date(item.updatedAt).toLocaleString()}</td>
              <td className="row-actions">
                <button onClick={() => navigate(`/i/${item.id}`)}>Open</button>
                {item.access !== 'viewer' && can('write:investigations') && (
                  <button onClick={() => setRenaming({ id: item.id, title: item.title, version: item.version })}>
                    Rename
                  </button>
                )}
                {can('write:investigations') && <button onClick={() => duplicate(item)}>Duplicate</button>}
                <button
                  onClick={() =>
                    void investigationsApi
                      .file(item.id)
                      .then((file) => exportJsonFile(`investigation-${item.id}.json`, file))
                      .catch((error: unknown) => setMessage({ kind: 'error', text: errorText(error) }))
                  }
                >
                  Export
                </button>
                {item.access === 'owner' && can('write:investigations') && (
                  <button
                    onClick={() => {
                      if (window.confirm(`Delete “${item.title}” with its versions and notes?`))
                        act(investigationsApi.remove(item.id), `“${item.title}” deleted.`);
                    }}
                  >
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.hasNextPage && (
        <button onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          More
        </button>
      )}
    </main>
  );
}
