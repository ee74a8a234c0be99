import type { ApiEdge, ApiNode } from '../api/api';
import './filters.css';
import { useValueFilterForm } from './useValueFilterForm';
import type { ValueFilter } from './valueFilters';

interface Props {
  /** What is on the canvas: the labels, types, keys and values offered. */
  elements: (ApiNode | ApiEdge)[];
  onApply: (filter: ValueFilter) => void;
}

const shown = (bound: number | string | undefined) =>
  typeof bound === 'number' ? bound.toLocaleString('en-US') : (bound ?? '');

/** The form that filters a label's nodes or a type's relationships by a property: a range, or texts kept. */
export function ValueFilterForm({ elements, onApply }: Props) {
  const form = useValueFilterForm(elements, onApply);
  const { span } = form;
  if (!form.targets.length) return null;
  return (
    <fieldset className="value-filter" aria-label="Filter by value">
      <legend>Filter by value</legend>
      <label>
        Of
        <select aria-label="Of" value={form.target} onChange={(event) => form.chooseTarget(event.target.value)}>
          {form.targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.name} {target.kind === 'node' ? '(nodes)' : '(relationships)'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Property
        <select aria-label="Property" value={form.key} onChange={(event) => form.chooseKey(event.target.value)}>
          {form.keys.map((key) => (
            <option key={key}>{key}</option>
          ))}
        </select>
      </label>
      {!form.keys.length && <p className="hint">These have no property to filter by.</p>}
      {span && span.kind !== 'text' && (
        <div className="range">
          <p className="hint">
            On the canvas: {shown(span.min)} to {shown(span.max)}
          </p>
          <label>
            From
            <input
              aria-label="From"
              type={span.kind === 'date' ? 'date' : 'number'}
              value={form.min}
              placeholder={String(span.min ?? '')}
              onChange={(event) => form.setMin(event.target.value)}
            />
          </label>
          <label>
            To
            <input
              aria-label="To"
              type={span.kind === 'date' ? 'date' : 'number'}
              value={form.max}
              placeholder={String(span.max ?? '')}
              onChange={(event) => form.setMax(event.target.value)}
            />
          </label>
        </div>
      )}
      {span?.kind === 'text' && (
        <div className="values" role="group" aria-label="Values kept">
          {span.texts.slice(0, 60).map((text) => (
            <label key={text} title={text}>
              <input type="checkbox" checked={form.texts.has(text)} onChange={() => form.toggleText(text)} />
              {text}
            </label>
          ))}
          {span.texts.length > 60 && <p className="hint">{span.texts.length - 60} more values not listed.</p>}
        </div>
      )}
      {form.invalid && (
        <p className="error" role="alert">
          From and To must be numbers.
        </p>
      )}
      <button onClick={form.apply} disabled={!span || form.invalid || (span.kind === 'text' && form.texts.size === 0)}>
        Apply filter
      </button>
    </fieldset>
  );
}
