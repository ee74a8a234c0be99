import type { ApiEdge, ApiNode } from '../api/api';
import './styling.css';
import { ruleOps, type StyleRule } from './rules';
import { describeRule, useRuleForm } from './useRuleForm';

interface Props {
  elements: (ApiNode | ApiEdge)[];
  rules: StyleRule[];
  onChange: (rules: StyleRule[]) => void;
}

/** Styling rules by value (as Bloom's rule-based styling): listed in the order they are tried, editable, removable. */
export function RulesSection({ elements, rules, onChange }: Props) {
  const form = useRuleForm(elements, rules, onChange);
  const { draft } = form;
  return (
    <section className="style-rules" aria-label="Colour rules">
      <h3>Colour by value</h3>
      {rules.length > 0 && (
        <ol className="rule-list">
          {rules.map((rule, index) => (
            <li key={index}>
              <span className="swatch" style={{ background: rule.color }} />
              <span className="rule-text">{describeRule(rule)}</span>
              <button className="link" aria-label={`Edit rule ${describeRule(rule)}`} onClick={() => form.edit(index)}>
                Edit
              </button>
              <button
                className="link"
                aria-label={`Remove rule ${describeRule(rule)}`}
                onClick={() => form.remove(index)}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <fieldset className="rule-form" aria-label={form.editing === undefined ? 'New rule' : 'Edit rule'}>
        <label>
          Colour
          <select
            aria-label="Colour"
            value={draft.target}
            onChange={(event) => form.change('target', event.target.value)}
          >
            {form.targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.text}
              </option>
            ))}
          </select>
        </label>
        <label>
          where
          <select aria-label="where" value={draft.key} onChange={(event) => form.change('key', event.target.value)}>
            {form.keys.map((key) => (
              <option key={key}>{key}</option>
            ))}
          </select>
        </label>
        <label>
          Comparison
          <select aria-label="Comparison" value={draft.op} onChange={(event) => form.change('op', event.target.value)}>
            {ruleOps.map((op) => (
              <option key={op}>{op}</option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input
            aria-label="Value"
            list="rule-values"
            // As long as a saved view keeps (server/investigations/investigations.schemas.ts).
            maxLength={500}
            value={draft.value}
            onChange={(event) => form.change('value', event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && form.save()}
          />
          <datalist id="rule-values">
            {form.suggestions.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </label>
        <label>
          In
          <input
            aria-label="In"
            type="color"
            value={draft.color}
            onChange={(event) => form.change('color', event.target.value)}
          />
        </label>
        <button onClick={form.save} disabled={!draft.key || !draft.value.trim()}>
          {form.editing === undefined ? 'Add rule' : 'Save rule'}
        </button>
        {form.editing !== undefined && (
          <button className="link" onClick={form.cancel}>
            Cancel
          </button>
        )}
      </fieldset>
    </section>
  );
}
