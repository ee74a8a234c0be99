import { useState, type FormEvent } from 'react';
import { followLink } from '../accounts/navigation';
import { errorText } from '../accounts/errorText';
import type { InvestigationSummary } from './investigationsApi';
import type { SaveState } from './useInvestigation';

interface Props {
  current?: InvestigationSummary;
  state: SaveState;
  writable: boolean;
  /** Whether the caller may save investigations at all. */
  canSave: boolean;
  hasNodes: boolean;
  notes: number;
  onSaveAs: (title: string) => Promise<unknown>;
  onRename: (title: string) => Promise<unknown>;
  onPresent: () => void;
  onVersions: () => void;
  onShare: () => void;
  onReload: () => void;
  onSaveCopy: () => void;
}

const stateText = (state: SaveState, writable: boolean) => {
  if (!writable) return 'Read only: changes here are not saved';
  switch (state.kind) {
    case 'saved':
      return 'All changes saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'failed':
      return `Not saved: ${state.message}`;
    default:
      return '';
  }
};

/** The open investigation's title and save state, with what one does with it; or the way to save one. */
export function InvestigationBar(props: Props) {
  const { current, state, writable } = props;
  const [naming, setNaming] = useState<'new' | 'rename'>();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const action = naming === 'new' ? props.onSaveAs : props.onRename;
    setError(undefined);
    action(title.trim())
      .then(() => setNaming(undefined))
      .catch((failure: unknown) => setError(errorText(failure)));
  };

  if (naming) {
    return (
      <form className="investigation-bar" onSubmit={submit} aria-label="Investigation title">
        <label>
          {naming === 'new' ? 'Save as investigation, titled' : 'New title'}{' '}
          <input autoFocus required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <button type="submit">{naming === 'new' ? 'Save' : 'Rename'}</button>
        <button type="button" onClick={() => setNaming(undefined)}>
          Cancel
        </button>
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </form>
    );
  }

  return (
    <div className="investigation-bar" role="region" aria-label="Investigation">
      {current ? (
        <>
          <strong className="investigation-title">{current.title}</strong>
          {writable && (
            <button
              onClick={() => {
                setTitle(current.title);
                setNaming('rename');
              }}
            >
              Rename
            </button>
          )}
          <span className={`save-state ${state.kind}`} role="status">
            {stateText(state, writable)}
          </span>
          <button onClick={props.onPresent} disabled={props.notes === 0}>
            Present
          </button>
          <button onClick={props.onVersions}>Versions</button>
          {current.access === 'owner' && <button onClick={props.onShare}>Share…</button>}
        </>
      ) : (
        props.canSave && (
          <button
            disabled={!props.hasNodes}
            onClick={() => {
              setTitle('');
              setNaming('new');
            }}
          >
            Save as investigation…
          </button>
        )
      )}
      <a href="/investigations" onClick={followLink}>
        Investigations
      </a>
      {state.kind === 'conflict' && (
        <div className="banner error" role="alert">
          {state.by ?? 'Someone else'} saved version {state.version} of this investigation while you worked, so your
          latest changes were not saved. <button onClick={props.onReload}>Load their version</button>{' '}
          <button onClick={props.onSaveCopy}>Save mine as a copy</button>
        </div>
      )}
    </div>
  );
}
