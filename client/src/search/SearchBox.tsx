import { useEffect, useId, useState } from 'react';
import { api, type SearchResult } from '../api/api';

interface Props {
  onPick(result: SearchResult): void;
}

/** Autocomplete over names and aliases: type, move with the arrow keys, Enter adds the hit to the canvas. */
export function SearchBox({ onPick }: Props) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const listId = useId();

  useEffect(() => {
    if (!text.trim()) {
      setResults([]);
      return;
    }
    // Only the answer to the latest text is shown, whatever order the answers come back in.
    let live = true;
    const timer = setTimeout(() => {
      api
        .search(text)
        .then(({ results: found }) => {
          if (!live) return;
          setResults(found);
          setActive(0);
          setError(found.length ? undefined : `Nothing matches “${text}”.`);
        })
        .catch((failure: Error) => live && setError(failure.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const pick = (result: SearchResult | undefined) => {
    if (!result) return;
    onPick(result);
    setText('');
    setResults([]);
    setOpen(false);
  };
  const shown = open && results.length > 0;

  return (
    <div className="search">
      <input
        type="search"
        placeholder="Search companies, people, deals…"
        aria-label="Search the graph"
        role="combobox"
        aria-expanded={shown}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        aria-controls={listId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, results.length - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Enter' && shown) pick(results[active]);
          else if (event.key === 'Escape') setOpen(false);
          else return;
          event.preventDefault();
        }}
      />
      {shown && (
        <ul id={listId} role="listbox" className="search-results">
          {results.map((result, index) => (
            <li
              key={result.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={() => pick(result)}
            >
              <span className="caption">{result.caption}</span>
              <span className="labels">{result.labels.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {open && error && text && !results.length && (
        <div className="search-hint" role="status">
          {error}
        </div>
      )}
    </div>
  );
}
