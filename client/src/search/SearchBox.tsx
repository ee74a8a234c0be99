import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { SearchResult } from '../api/api';
import { searchQuery } from '../api/queries';

interface Props {
  onPick: (result: SearchResult) => void;
  /** The box's accessible name and placeholder (the toolbar's search by default). */
  label?: string;
  placeholder?: string;
}

/** The text once it has stopped changing for `ms`. */
function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

/**
 * Autocomplete over names and aliases: type, move with the arrow keys, Enter adds the hit to the canvas.
 * Answers come from the query cache by the text they answer, so an older answer never replaces a newer one.
 */
export function SearchBox({ onPick, label = 'Search the graph', placeholder = 'Search the graph' }: Props) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const settled = useSettled(text, 150);
  const search = useQuery(searchQuery(settled));
  const current = settled === text && text.trim() !== '';
  const results: SearchResult[] = current ? (search.data?.results ?? []) : [];
  const error = !current
    ? undefined
    : search.error
      ? search.error.message
      : search.data && !search.data.results.length
        ? `Nothing matches “${text}”.`
        : undefined;

  const pick = (result: SearchResult | undefined) => {
    if (!result) return;
    onPick(result);
    setText('');
    setOpen(false);
  };
  const shown = open && results.length > 0;

  return (
    <div className="search">
      <input
        type="search"
        placeholder={placeholder}
        aria-label={label}
        role="combobox"
        aria-expanded={shown}
        aria-autocomplete="list"
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        aria-controls={listId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
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
