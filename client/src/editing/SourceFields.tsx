import type { SourceInput } from './editingApi';

export type SourceKind = 'url' | 'existing' | 'text';

export interface SourceDraft {
  kind: SourceKind;
  id: string;
  url: string;
  title: string;
  outlet: string;
  date: string;
  text: string;
}

export const emptySource: SourceDraft = { kind: 'url', id: '', url: '', title: '', outlet: '', date: '', text: '' };

/** The source a draft names, as the API takes it. */
export function sourceOf(draft: SourceDraft): SourceInput {
  if (draft.kind === 'existing') return { id: draft.id.trim() };
  if (draft.kind === 'url')
    return { url: draft.url.trim(), title: draft.title, outlet: draft.outlet, date: draft.date };
  return {
    title: draft.title,
    text: draft.text,
    ...(draft.outlet ? { outlet: draft.outlet } : {}),
    ...(draft.date ? { date: draft.date } : {}),
  };
}

/** One source of a change: a web page, a Source document already there, or a document's text pasted. */
export function SourceFields({ draft, onChange }: { draft: SourceDraft; onChange: (draft: SourceDraft) => void }) {
  const field = (key: keyof SourceDraft, label: string, placeholder = '') => (
    <label>
      {label}
      <input
        value={draft[key]}
        placeholder={placeholder}
        onChange={(event) => onChange({ ...draft, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="source-fields">
      <legend>Source</legend>
      <select
        aria-label="Kind of source"
        value={draft.kind}
        onChange={(event) => onChange({ ...draft, kind: event.target.value as SourceKind })}
      >
        <option value="url">A web page</option>
        <option value="existing">A source document already here</option>
        <option value="text">A document’s text, pasted</option>
      </select>
      {draft.kind === 'existing' && field('id', 'Document id')}
      {draft.kind === 'url' && field('url', 'URL', 'https://…')}
      {draft.kind !== 'existing' && field('title', 'Title')}
      {draft.kind !== 'existing' && field('outlet', 'Outlet')}
      {draft.kind !== 'existing' && field('date', 'Date', 'YYYY, YYYY-MM or YYYY-MM-DD')}
      {draft.kind === 'text' && (
        <label>
          Text
          <textarea value={draft.text} onChange={(event) => onChange({ ...draft, text: event.target.value })} />
        </label>
      )}
    </fieldset>
  );
}

/** What every change needs: a claim in the editor's words and a source. */
export function Evidence({
  claim,
  source,
  onClaim,
  onSource,
}: {
  claim: string;
  source: SourceDraft;
  onClaim: (claim: string) => void;
  onSource: (source: SourceDraft) => void;
}) {
  return (
    <>
      <label>
        Claim
        <textarea
          value={claim}
          required
          placeholder="What is stated, in your words"
          onChange={(event) => onClaim(event.target.value)}
        />
      </label>
      <SourceFields draft={source} onChange={onSource} />
    </>
  );
}
