import { useState } from 'react';
import type { PropertyValue, SourceInput } from './editingApi';
import { emptySource, Evidence, sourceOf, type SourceDraft } from './SourceFields';
import { editableKey, readValue, valueText } from './values';

interface Props {
  /** The selection's properties, typed (from its history), which the form is built from. */
  properties: Record<string, PropertyValue>;
  busy: boolean;
  onSave: (changes: Record<string, PropertyValue | null>, claim: string, source: SourceInput) => Promise<boolean>;
  onCancel: () => void;
}

/** A form of the selection's own properties, with the claim and the source every change needs. */
export function EditForm({ properties, busy, onSave, onCancel }: Props) {
  const keys = Object.keys(properties).filter(editableKey).sort();
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((key) => [key, valueText(properties[key]!)])),
  );
  const [claim, setClaim] = useState('');
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [problem, setProblem] = useState<string>();

  const changes = () => {
    const changed: Record<string, PropertyValue | null> = {};
    for (const key of keys) {
      const text = texts[key] ?? '';
      if (text === valueText(properties[key]!)) continue;
      const value = readValue(text, properties[key]!);
      if (value === undefined) throw new Error(`${key}: not a value of its kind`);
      changed[key] = value;
    }
    return changed;
  };

  return (
    <form
      className="edit-form"
      aria-label="Edit the selection"
      onSubmit={(event) => {
        event.preventDefault();
        try {
          setProblem(undefined);
          void onSave(changes(), claim, sourceOf(source)).then((saved) => saved && onCancel());
        } catch (error) {
          setProblem((error as Error).message);
        }
      }}
    >
      {keys.map((key) => {
        const multiline = Array.isArray(properties[key]);
        const value = texts[key] ?? '';
        const change = (text: string) => setTexts({ ...texts, [key]: text });
        return (
          <label key={key}>
            {key}
            {multiline ? (
              <textarea value={value} onChange={(event) => change(event.target.value)} />
            ) : (
              <input value={value} onChange={(event) => change(event.target.value)} />
            )}
          </label>
        );
      })}
      <Evidence claim={claim} source={source} onClaim={setClaim} onSource={setSource} />
      {problem && <p role="alert">{problem}</p>}
      <div className="buttons">
        <button type="submit" disabled={busy}>
          Save with this evidence
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
