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
  const [error, setError] = useState<string>();
  const listId = useId();

  useEffect(() => {
    if (!text.trim()) {
      setResults([]);
      return;
    }
    const timer = setTimeout(() => {
      api
        .search(text)
        .then(({ results: found }) => {
          setResults(found);
          setActive(0);
          setError(found.length ? undefined : `Nothing matches “${text}”.`);
        })
        .catch((failure: Error) => setError(failure.message));
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  const pick = (result: SearchResult | undefined) => {
    if (!result) return;
    onPick(result);
    setText('');
    setResults([]);
  };

  return (
    <div className="search">
      <input
        type="search"
        placeholder="Search companies, people, deals…"
        aria-label="Search the graph"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, results.length - 1));
          else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
          else if (event.key === 'Enter') pick(results[active]);
          else if (event.key === 'Escape') setResults([]);
          else return;
          event.preventDefault();
        }}
      />
      {results.length > 0 && (
        <ul id={listId} role="listbox" className="search-results">
          {results.map((result, index) => (
            <li
              key={result.id}
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
      {error && text && !results.length && <div className="hint">{error}</div>}
    </div>
  );
}
