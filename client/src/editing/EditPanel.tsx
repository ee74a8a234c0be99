import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, type Graph } from '../api/api';
import { queryClient } from '../api/queries';
import { SourceName } from '../evidence/Versions';
import { editingApi, type FormProperty, type PropertyValue, type Suggestion } from './editingApi';
import { emptySource, Evidence, sourceOf, type SourceDraft } from './SourceFields';
import { kindHint, valueOfKind, valueText } from './values';
import './editing.css';

interface CanvasNode {
  id: string;
  caption: string;
}

interface Props {
  /** The nodes on the canvas: the ends a new relationship may join. */
  nodes: CanvasNode[];
  /** Hands what an edit made to the canvas (`replace`: the canvas shows only it). */
  onGraph: (graph: Graph, mode?: 'replace') => void;
}

/** A label or relationship type: typed freely, with the database's own names offered. */
function NameField(props: {
  label: string;
  list: string;
  value: string;
  onChange: (value: string) => void;
  names: { name: string }[] | undefined;
}) {
  return (
    <label>
      {props.label}
      <input list={props.list} value={props.value} required onChange={(event) => props.onChange(event.target.value)} />
      <datalist id={props.list}>
        {props.names?.map((entry) => (
          <option key={entry.name} value={entry.name} />
        ))}
      </datalist>
    </label>
  );
}

/** Fields built from the properties that nodes of a label (or relationships of a type) already have. */
function useFormProperties(of: { label: string } | { type: string } | undefined) {
  return useQuery({
    queryKey: ['form-properties', of],
    queryFn: () => editingApi.formProperties(of!),
    enabled: of !== undefined,
    retry: false,
  }).data?.properties;
}

function typedProperties(fields: FormProperty[], texts: Record<string, string>): Record<string, PropertyValue> {
  const properties: Record<string, PropertyValue> = {};
  for (const field of fields) {
    const text = texts[field.key] ?? '';
    if (text.trim() === '') continue;
    const value = valueOfKind(text, field.kinds[0] ?? 'STRING');
    if (value === undefined) throw new Error(`${field.key}: not a ${kindHint(field.kinds[0] ?? 'STRING')}`);
    properties[field.key] = value;
  }
  return properties;
}

function PropertyFields({
  fields,
  texts,
  onChange,
  skip = [],
}: {
  fields: FormProperty[] | undefined;
  texts: Record<string, string>;
  onChange: (texts: Record<string, string>) => void;
  skip?: string[];
}) {
  return (
    <>
      {(fields ?? [])
        .filter((field) => !skip.includes(field.key) && !['id', 'claim', 'sources'].includes(field.key))
        .map((field) => (
          <label key={field.key}>
            {field.key} <span className="hint">({kindHint(field.kinds[0] ?? 'STRING')})</span>
            <input
              value={texts[field.key] ?? ''}
              onChange={(event) => onChange({ ...texts, [field.key]: event.target.value })}
            />
          </label>
        ))}
    </>
  );
}

/** Runs one write, saying what it did or why it was refused. */
function useWrite() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const write = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
      await Promise.all(
        ['history', 'node', 'disagreements', 'changes', 'timeline', 'duplicates'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      return true;
    } catch (error) {
      setMessage(error instanceof ApiError ? error.detail || error.title : (error as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, write };
}

function NewNode({ onGraph }: Pick<Props, 'onGraph'>) {
  const schema = useQuery({ queryKey: ['schema'], queryFn: api.schema }).data;
  const [label, setLabel] = useState('');
  const [caption, setCaption] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [claim, setClaim] = useState('');
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const known = schema?.labels.some((entry) => entry.name === label);
  const fields = useFormProperties(known ? { label } : undefined);
  const { busy, message, write } = useWrite();
  return (
    <form
      className="edit-form"
      aria-label="New node"
      onSubmit={(event) => {
        event.preventDefault();
        void write(async () => {
          const properties = { name: caption, ...typedProperties(fields ?? [], texts) };
          const { node } = await editingApi.createNode({
            labels: [label],
            properties,
            claim,
            sources: [sourceOf(source)],
          });
          onGraph({ nodes: [node], edges: [] });
          return `Made “${node.caption}” (${node.id}).`;
        });
      }}
    >
      <h3>New node</h3>
      <NameField label="Label" list="edit-labels" value={label} onChange={setLabel} names={schema?.labels} />
      <label>
        Name (caption)
        <input value={caption} required onChange={(event) => setCaption(event.target.value)} />
      </label>
      <PropertyFields fields={fields} texts={texts} onChange={setTexts} skip={['name']} />
      <Evidence claim={claim} source={source} onClaim={setClaim} onSource={setSource} />
      <div className="buttons">
        <button type="submit" disabled={busy}>
          Create with this evidence
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

function NewRelationship({ nodes, onGraph }: Props) {
  const schema = useQuery({ queryKey: ['schema'], queryFn: api.schema }).data;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState('');
  const [since, setSince] = useState('');
  const [endsIn, setEndsIn] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [claim, setClaim] = useState('');
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const known = schema?.relationshipTypes.some((entry) => entry.name === type);
  const fields = useFormProperties(known ? { type } : undefined);
  const { busy, message, write } = useWrite();
  const end = (label: string, value: string, onChange: (id: string) => void) => (
    <label>
      {label}
      <select value={value} required onChange={(event) => onChange(event.target.value)}>
        <option value="">Choose a node on the canvas…</option>
        {nodes.map((node) => (
          <option key={node.id} value={node.id}>
            {node.caption}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      className="edit-form"
      aria-label="New relationship"
      onSubmit={(event) => {
        event.preventDefault();
        void write(async () => {
          const { relationship } = await editingApi.createRelationship({
            type,
            from,
            to,
            properties: typedProperties(fields ?? [], texts),
            ...(since ? { since } : {}),
            ...(endsIn ? { endsIn } : {}),
            claim,
            sources: [sourceOf(source)],
          });
          onGraph({ nodes: [], edges: [relationship] });
          return `Made ${relationship.type} (${relationship.id}).`;
        });
      }}
    >
      <h3>New relationship</h3>
      {end('From', from, setFrom)}
      <button
        type="button"
        title="Swap the direction"
        onClick={() => {
          setFrom(to);
          setTo(from);
        }}
      >
        ⇅ Reverse
      </button>
      {end('To', to, setTo)}
      <NameField label="Type" list="edit-types" value={type} onChange={setType} names={schema?.relationshipTypes} />
      <label>
        Since <span className="hint">(YYYY, YYYY-MM or YYYY-MM-DD)</span>
        <input value={since} onChange={(event) => setSince(event.target.value)} />
      </label>
      <label>
        Until <span className="hint">(the last year, month or day it held)</span>
        <input value={endsIn} onChange={(event) => setEndsIn(event.target.value)} />
      </label>
      <PropertyFields
        fields={fields}
        texts={texts}
        onChange={setTexts}
        skip={['since', 'until', 'sincePrecision', 'untilPrecision', 'disputes']}
      />
      <Evidence claim={claim} source={source} onClaim={setClaim} onSource={setSource} />
      <div className="buttons">
        <button type="submit" disabled={busy}>
          Create with this evidence
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

/** A value in the side-by-side table: source documents by their titles, anything else as text. */
function Cell({ name, value, text }: { name: string; value: unknown; text: string }) {
  if (name !== 'sources' || !Array.isArray(value)) return <td>{text}</td>;
  return (
    <td>
      {value.map((id, index) => (
        <span key={String(id)}>
          {index > 0 && '; '}
          <SourceName id={String(id)} />
        </span>
      ))}
    </td>
  );
}

/** Two nodes side by side, every property of either in one row, differences marked. */
function SideBySide({ ids }: { ids: [string, string] }) {
  const [left, right] = [
    useQuery({ queryKey: ['node', ids[0]], queryFn: () => api.node(ids[0]) }).data?.node,
    useQuery({ queryKey: ['node', ids[1]], queryFn: () => api.node(ids[1]) }).data?.node,
  ];
  if (!left || !right) return <p className="hint">Loading both nodes…</p>;
  const keys = [...new Set([...Object.keys(left.properties), ...Object.keys(right.properties)])]
    .filter((key) => !key.startsWith('_entente'))
    .sort();
  const show = (value: unknown) =>
    value === undefined ? '—' : valueText(value as PropertyValue) || JSON.stringify(value);
  return (
    <table className="side-by-side" aria-label="Side by side">
      <thead>
        <tr>
          <th />
          <th>{left.caption}</th>
          <th>{right.caption}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th>labels</th>
          <td>{left.labels.join(', ')}</td>
          <td>{right.labels.join(', ')}</td>
        </tr>
        {keys.map((key) => {
          const [a, b] = [show(left.properties[key]), show(right.properties[key])];
          return (
            <tr key={key} className={a === b ? undefined : 'differs'}>
              <th>{key}</th>
              <Cell name={key} value={left.properties[key]} text={a} />
              <Cell name={key} value={right.properties[key]} text={b} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Duplicates({ onGraph }: Pick<Props, 'onGraph'>) {
  const suggestions = useQuery({ queryKey: ['duplicates'], queryFn: editingApi.duplicates }).data;
  const [review, setReview] = useState<Suggestion>();
  const [keep, setKeep] = useState(0);
  const [claim, setClaim] = useState('');
  const [source, setSource] = useState<SourceDraft>(emptySource);
  const [merged, setMerged] = useState<{ merge: number; keep: string }>();
  const { busy, message, write } = useWrite();
  const pair = review && ([review.nodes[0]!.id, review.nodes[1]!.id] as [string, string]);
  return (
    <section className="edit-form" aria-label="Duplicates">
      <h3>Possible duplicates</h3>
      {!suggestions && <p className="hint">Looking for nodes that may be the same…</p>}
      {suggestions && !suggestions.suggestions.length && <p className="hint">No suggestions.</p>}
      <ul className="duplicates">
        {suggestions?.suggestions.slice(0, 100).map((suggestion) => (
          <li key={suggestion.nodes.map((node) => node.id).join('|')}>
            {suggestion.nodes.map((node) => node.caption).join(' · ')}
            <small> {suggestion.reasons.join('; ')}</small>{' '}
            <button
              type="button"
              onClick={() => {
                setReview(suggestion);
                setKeep(0);
                setMerged(undefined);
              }}
            >
              Review
            </button>
          </li>
        ))}
      </ul>
      {review && pair && (
        <form
          aria-label="Merge review"
          onSubmit={(event) => {
            event.preventDefault();
            void write(async () => {
              const kept = pair[keep]!;
              const result = await editingApi.merge({
                keep: kept,
                merge: pair[1 - keep]!,
                claim,
                sources: [sourceOf(source)],
              });
              setMerged({ merge: result.merge, keep: kept });
              onGraph(await api.subgraph([kept]), 'replace');
              return `Merged into “${result.node.caption}” (merge ${result.merge}).`;
            });
          }}
        >
          <SideBySide ids={pair} />
          <fieldset>
            <legend>Keep</legend>
            {review.nodes.slice(0, 2).map((node, index) => (
              <label key={node.id}>
                <input type="radio" name="keep" checked={keep === index} onChange={() => setKeep(index)} />{' '}
                {node.caption} ({node.id})
              </label>
            ))}
          </fieldset>
          <Evidence claim={claim} source={source} onClaim={setClaim} onSource={setSource} />
          <div className="buttons">
            <button type="submit" disabled={busy || merged !== undefined}>
              Merge with this evidence
            </button>
            {merged && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void write(async () => {
                    const { keep: kept, restored } = await editingApi.undoMerge(merged.merge);
                    setMerged(undefined);
                    onGraph(await api.subgraph([kept.id, restored.id]), 'replace');
                    return `Merge ${merged.merge} undone: “${restored.caption}” is back.`;
                  })
                }
              >
                Undo the merge
              </button>
            )}
          </div>
        </form>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}

/** The explorer's editing tab (editors and admins): new nodes and relationships, and merges of duplicates. */
export function EditPanel({ nodes, onGraph }: Props) {
  const [part, setPart] = useState<'node' | 'relationship' | 'duplicates'>('node');
  return (
    <div className="edit-panel">
      <div role="tablist" aria-label="Editing">
        {(
          [
            ['node', 'New node'],
            ['relationship', 'New relationship'],
            ['duplicates', 'Duplicates'],
          ] as const
        ).map(([name, title]) => (
          <button key={name} role="tab" aria-selected={part === name} onClick={() => setPart(name)}>
            {title}
          </button>
        ))}
      </div>
      {part === 'node' && <NewNode onGraph={onGraph} />}
      {part === 'relationship' && <NewRelationship nodes={nodes} onGraph={onGraph} />}
      {part === 'duplicates' && <Duplicates onGraph={onGraph} />}
    </div>
  );
}
