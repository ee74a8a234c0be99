import type { ValueFilter } from './valueFilters';
import { describeFilter } from './valueSpans';
import './filters.css';

interface Props {
  filters: ValueFilter[];
  onChange: (filters: ValueFilter[]) => void;
}

/** The filters by value in force, over the canvas: each says what it keeps and is removed by its ×. */
export function FilterChips({ filters, onChange }: Props) {
  if (!filters.length) return null;
  return (
    <div className="filter-chips" role="region" aria-label="Filters by value">
      <span className="filter-chips-title">Filtered:</span>
      {filters.map((filter, index) => {
        const text = describeFilter(filter);
        return (
          <span key={`${filter.kind}:${filter.name}:${filter.key}`} className="chip">
            {text}
            <button
              className="link"
              aria-label={`Remove filter ${text}`}
              onClick={() => onChange(filters.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </span>
        );
      })}
      {filters.length > 1 && (
        <button className="link" onClick={() => onChange([])}>
          Clear all
        </button>
      )}
    </div>
  );
}
