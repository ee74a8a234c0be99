import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../accounts/errorText';
import type { Role } from '../../../server/accounts/roles.js';
import { investigationsApi, type InvestigationShares } from './investigationsApi';

type Share = InvestigationShares['shares'][number];
type Link = InvestigationShares['link'];

interface Props {
  id: string;
  onCopyViewLink: () => void;
  onClose: () => void;
}

const roles: Role[] = ['viewer', 'analyst', 'editor', 'admin'];

function copy(text: string) {
  void navigator.clipboard?.writeText(text);
}

/** Who an investigation is shared with and how its link opens; the links to copy. Owners and admins only. */
export function ShareDialog({ id, onCopyViewLink, onClose }: Props) {
  const current = useQuery({ queryKey: ['investigation-shares', id], queryFn: () => investigationsApi.shares(id) });
  // What the owner changed; until then, what the server holds.
  const [linkChosen, setLink] = useState<Link>();
  const [sharesChosen, setShares] = useState<Share[]>();
  const link = linkChosen ?? current.data?.link ?? 'none';
  const shares = sharesChosen ?? current.data?.shares ?? [];
  const [adding, setAdding] = useState<{ name: string; kind: 'user' | 'role'; access: Share['access'] }>({
    name: '',
    kind: 'user',
    access: 'viewer',
  });
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string }>();

  // A public link opens the read-only view, which needs no signing in; other links open the explorer.
  const address = `${window.location.origin}${link === 'public' ? '/embed' : ''}/i/${id}`;
  const embed = `<iframe src="${window.location.origin}/embed/i/${id}" width="800" height="600" title="Entente investigation"></iframe>`;
  const add = () => {
    const name = adding.name.trim();
    if (!name) return;
    const share: Share =
      adding.kind === 'user'
        ? { kind: 'user', user: name, access: adding.access }
        : { kind: 'role', role: name as Role, access: adding.access };
    const key = (one: Share) => `${one.kind}:${one.kind === 'user' ? one.user.toLowerCase() : one.role}`;
    // Adding someone already listed changes their access rather than listing them twice.
    setShares([...shares.filter((held) => key(held) !== key(share)), share]);
    setAdding({ ...adding, name: '' });
  };
  const save = () => {
    setMessage(undefined);
    investigationsApi
      .share(id, { link, shares })
      .then((saved) => {
        setShares(saved.shares);
        setMessage({ kind: 'info', text: 'Sharing saved.' });
      })
      .catch((error: unknown) => setMessage({ kind: 'error', text: errorText(error) }));
  };

  return (
    <div className="dialog-backdrop">
      <section className="dialog" role="dialog" aria-label="Share investigation">
        <h2>Share</h2>
        {current.error && <p className="form-error">{errorText(current.error)}</p>}
        <fieldset>
          <legend>Who opens it by its link</legend>
          <label>
            <input type="radio" checked={link === 'none'} onChange={() => setLink('none')} /> Only the people below
          </label>
          <label>
            <input type="radio" checked={link === 'signed-in'} onChange={() => setLink('signed-in')} /> Anyone signed in
            (to read)
          </label>
          <label>
            <input
              type="radio"
              checked={link === 'public'}
              disabled={!current.data?.publicLinksAllowed}
              onChange={() => setLink('public')}
            />{' '}
            Anyone, without signing in (to read, and embed)
            {!current.data?.publicLinksAllowed && ' — an admin has not allowed public links'}
          </label>
        </fieldset>
        <h3>People and roles</h3>
        <ul className="share-list">
          {shares.map((share, index) => (
            <li key={`${share.kind}:${share.kind === 'user' ? share.user : share.role}`}>
              {share.kind === 'user' ? share.user : `every ${share.role}`} can{' '}
              {share.access === 'editor' ? 'edit' : 'read'}{' '}
              <button onClick={() => setShares(shares.filter((_, at) => at !== index))}>Remove</button>
            </li>
          ))}
        </ul>
        <div className="share-add">
          <select
            aria-label="Share with"
            value={adding.kind}
            onChange={(event) => setAdding({ ...adding, kind: event.target.value as 'user' | 'role', name: '' })}
          >
            <option value="user">User</option>
            <option value="role">Role</option>
          </select>
          {adding.kind === 'user' ? (
            <input
              aria-label="User name"
              placeholder="user name"
              value={adding.name}
              onChange={(event) => setAdding({ ...adding, name: event.target.value })}
            />
          ) : (
            <select
              aria-label="Role"
              value={adding.name}
              onChange={(event) => setAdding({ ...adding, name: event.target.value })}
            >
              <option value="">choose a role</option>
              {roles.map((role) => (
                <option key={role}>{role}</option>
              ))}
            </select>
          )}
          <select
            aria-label="Access"
            value={adding.access}
            onChange={(event) => setAdding({ ...adding, access: event.target.value as Share['access'] })}
          >
            <option value="viewer">can read</option>
            <option value="editor">can edit</option>
          </select>
          <button onClick={add}>Add</button>
        </div>
        <p>
          <button onClick={save}>Save sharing</button>
        </p>
        <h3>Links</h3>
        <p>
          <code>{address}</code> <button onClick={() => copy(address)}>Copy link</button>
        </p>
        {link === 'public' && (
          <p>
            <code>{embed}</code> <button onClick={() => copy(embed)}>Copy embed code</button>
          </p>
        )}
        <p className="hint">
          Or a link to this picture alone, without notes and not kept on the server:{' '}
          <button onClick={onCopyViewLink}>Copy view link</button>
        </p>
        {message && (
          <p
            className={message.kind === 'error' ? 'form-error' : 'hint'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        <button onClick={onClose}>Close</button>
      </section>
    </div>
  );
}
