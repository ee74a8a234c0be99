import { useState, type FormEvent } from 'react';
import { errorText } from '../accounts/errorText';
import type { Annotation } from './investigationsApi';
import { NoteText } from './NoteText';
import type { NoteTarget } from './useNotes';

interface Props {
  notes: Annotation[];
  writable: boolean;
  /** What a new note goes on: the selection, else the canvas. */
  target: NoteTarget;
  nameOf: (target: NoteTarget) => string;
  onAdd: (target: NoteTarget, text: string, step: number | null) => Promise<void>;
  onEdit: (note: Annotation, change: { text?: string; step?: number | null }) => Promise<void>;
  onDelete: (note: Annotation) => Promise<void>;
  onShow: (target: NoteTarget) => void;
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The investigation's notes with author and time, and a form to add one on the selection or the canvas. */
export function NotesPanel({ notes, writable, target, nameOf, onAdd, onEdit, onDelete, onShow }: Props) {
  const [text, setText] = useState('');
  const [present, setPresent] = useState(true);
  const [editing, setEditing] = useState<{ id: string; text: string }>();
  const [error, setError] = useState<string>();
  const nextStep = Math.max(0, ...notes.map((note) => note.step ?? 0)) + 1;

  const run = (work: Promise<void>, after?: () => void) => {
    setError(undefined);
    work.then(after).catch((failure: unknown) => setError(errorText(failure)));
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    run(onAdd(target, text.trim(), present ? nextStep : null), () => setText(''));
  };

  return (
    <section className="notes" aria-label="Notes">
      {notes.length === 0 && <p className="hint">No notes yet.</p>}
      <ol className="note-list">
        {notes.map((note) => (
          <li key={note.id} className="note">
            <button className="link" onClick={() => onShow(note.target)}>
              {nameOf(note.target)}
            </button>
            {note.step !== null && <span className="note-step">step {note.step}</span>}
            {editing?.id === note.id ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  run(onEdit(note, { text: editing.text.trim() }), () => setEditing(undefined));
                }}
              >
                <textarea
                  aria-label="Note text"
                  value={editing.text}
                  onChange={(event) => setEditing({ id: note.id, text: event.target.value })}
                />
                <button type="submit">Save note</button>
                <button type="button" onClick={() => setEditing(undefined)}>
                  Cancel
                </button>
              </form>
            ) : (
              <p>
                <NoteText text={note.text} />
              </p>
            )}
            <p className="note-meta">
              {note.author} · {when(note.createdAt)}
              {note.updatedAt !== note.createdAt && ' (edited)'}
            </p>
            {writable && note.mine && editing?.id !== note.id && (
              <p className="note-actions">
                <button onClick={() => setEditing({ id: note.id, text: note.text })}>Edit</button>
                <button onClick={() => run(onEdit(note, { step: note.step === null ? nextStep : null }))}>
                  {note.step === null ? 'Add to presentation' : 'Leave out of presentation'}
                </button>
                <button onClick={() => run(onDelete(note))}>Delete</button>
              </p>
            )}
          </li>
        ))}
      </ol>
      {writable && (
        <form className="note-form" onSubmit={add}>
          <label>
            Note on {nameOf(target)}
            <textarea
              required
              maxLength={10_000}
              value={text}
              placeholder="Plain text; **bold**, *emphasis* and links show as such"
              onChange={(event) => setText(event.target.value)}
            />
          </label>
          <label className="inline">
            <input type="checkbox" checked={present} onChange={(event) => setPresent(event.target.checked)} /> In the
            presentation
          </label>
          <button type="submit" disabled={!text.trim()}>
            Add note
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
