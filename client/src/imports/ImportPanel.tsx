import { useState, type DragEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type ImportMapping as Mapping, type SavedMapping } from '../api/api';
import { importMappingsQuery, queryClient } from '../api/queries';
import { formatOfName, previewFile, type Preview, type PropertyType } from './guess';
import { formOf, initialForm, mappingOf, rowId, type Form } from './mappingForm';
import { ImportJobView } from './ImportJobView';
import { useImportJob } from './useImportJob';
import './imports.css';

const messageOf = (failure: unknown) =>
  failure instanceof ApiError ? failure.detail || failure.title : String(failure);

const types: PropertyType[] = ['text', 'integer', 'float', 'boolean', 'date', 'datetime', 'list'];

interface Props {
  /** Opens the explorer on an imported node (by its id). */
  onOpen?: (id: string) => void;
}

/** Mappings saved for reuse: pick one to fill the form, save the form under a name, delete one. */
function SavedMappings(props: {
  mapping: Mapping;
  onUse: (mapping: Mapping) => void;
  onError: (text: string) => void;
}) {
  const listed = useQuery(importMappingsQuery());
  const saved: SavedMapping[] = listed.data?.mappings ?? [];
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState<string>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: importMappingsQuery().queryKey });
  const current = saved.find((mapping) => mapping.name === chosen);

  const save = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      const existing = saved.find((mapping) => mapping.name === trimmed);
      await api.saveImportMapping(trimmed, props.mapping, existing?.version);
      setNote(`Saved as "${trimmed}".`);
      setChosen(trimmed);
      await refresh();
    } catch (failure) {
      props.onError(messageOf(failure));
    }
  };
  const remove = async () => {
    if (!current) return;
    try {
      await api.deleteImportMapping(current.name, current.version);
      setNote(`Deleted "${current.name}".`);
      setChosen('');
      await refresh();
    } catch (failure) {
      props.onError(messageOf(failure));
    }
  };

  return (
    <div className="saved-mappings" aria-label="Saved mappings">
      {listed.error && <p role="alert">{messageOf(listed.error)}</p>}
      <label>
        Saved mapping{' '}
        <select
          aria-label="Saved mapping"
          value={chosen}
          onChange={(event) => {
            setChosen(event.target.value);
            setNote(undefined);
            const picked = saved.find((mapping) => mapping.name === event.target.value);
            if (picked) {
              setName(picked.name);
              props.onUse(picked.mapping);
            }
          }}
        >
          <option value="">—</option>
          {saved.map((mapping) => (
            <option key={mapping.name} value={mapping.name}>
              {mapping.name}
            </option>
          ))}
        </select>
      </label>
      {current && <button onClick={() => void remove()}>Delete saved mapping</button>}
      <label>
        Save as <input aria-label="Mapping name" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button disabled={!name.trim()} onClick={() => void save()}>
        Save mapping
      </button>
      {note && <span className="hint">{note}</span>}
    </div>
  );
}

function ColumnSelect(props: { label: string; value: string; columns: string[]; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        <option value="">—</option>
        {props.columns.map((column) => (
          <option key={column}>{column}</option>
        ))}
      </select>
    </label>
  );
}

/**
 * Bring your own data: drop or choose a file; for a table, map it on a preview of its first rows (types
 * guessed, editable); dry-run it, import it with a progress bar from the server's event stream, roll it back.
 */
/** A relationship's two ends: the column naming each, its label, and whether it is matched by id or caption. */
function EndpointFields({
  form,
  columns,
  set,
}: {
  form: Form;
  columns: string[];
  set: (change: Partial<Form>) => void;
}) {
  return (
    <>
      {(['from', 'to'] as const).map((side) => (
        <div key={side} className="endpoint">
          <ColumnSelect
            label={side === 'from' ? 'From column' : 'To column'}
            value={form[side]}
            columns={columns}
            onChange={(value) => set({ [side]: value })}
          />
          <label>
            label{' '}
            <input value={form[`${side}Label`]} onChange={(event) => set({ [`${side}Label`]: event.target.value })} />
          </label>
          <label>
            matched by{' '}
            <select
              value={form[`${side}Match`]}
              onChange={(event) => set({ [`${side}Match`]: event.target.value as 'id' | 'caption' })}
            >
              <option value="id">id</option>
              <option value="caption">caption (name)</option>
            </select>
          </label>
        </div>
      ))}
    </>
  );
}

/** The file's first rows under their columns, each with its type (or left out). */
function PreviewTable({ preview, form, set }: { preview: Preview; form: Form; set: (change: Partial<Form>) => void }) {
  const columns = preview.columns;
  return (
    <table className="preview">
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column}>
              {column}
              <br />
              <select
                aria-label={`Type of ${column}`}
                value={form.properties[column]}
                onChange={(event) =>
                  set({
                    properties: { ...form.properties, [column]: event.target.value as PropertyType | 'skip' },
                  })
                }
              >
                {types.map((type) => (
                  <option key={type}>{type}</option>
                ))}
                <option value="skip">leave out</option>
              </select>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {preview.rows.slice(0, 8).map((row, index) => (
          <tr key={index}>
            {columns.map((column) => (
              <td key={column}>{row[column]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportPanel({ onOpen }: Props) {
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<Preview>();
  const [form, setForm] = useState<Form>();
  const [error, setError] = useState<string>();
  /** Whether a bad row is left out (the server's default) or fails the whole import. */
  const [skipRejected, setSkipRejected] = useState(true);
  const { job, follow, forget } = useImportJob();
  const set = (change: Partial<Form>) => setForm((current) => current && { ...current, ...change });

  const choose = async (chosen: File | undefined) => {
    setError(undefined);
    setFile(chosen);
    setPreview(undefined);
    setForm(undefined);
    if (!chosen) return;
    if (formatOfName(chosen.name) === 'table') {
      const read = await previewFile(chosen);
      setPreview(read);
      setForm(initialForm(read));
    } else if (!formatOfName(chosen.name)) setError('Entente reads CSV, TSV, JSON, GraphML and GEXF files.');
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setError(undefined);
    try {
      // A graph-shaped file (GraphML, GEXF, the API's JSON) needs no mapping: the defaults, said in full.
      const mapping = form ? mappingOf(form) : { properties: {}, keys: {} };
      follow(await api.importFile(file, mapping, dryRun, skipRejected ? 'skip' : 'fail'));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const act = async (action: (id: string) => Promise<unknown>) => {
    if (!job) return;
    try {
      follow((await action(job.id)) as typeof job);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void choose(event.dataTransfer.files[0]);
  };
  const columns = preview?.columns ?? [];

  return (
    <section className="imports" aria-label="Import a file">
      <div className="drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
        <p>Drop a CSV, TSV, JSON, GraphML or GEXF file here, or</p>
        <input
          type="file"
          aria-label="Choose a file to import"
          accept=".csv,.tsv,.txt,.json,.graphml,.gexf"
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      {file && !form && formatOfName(file.name) === 'graph' && (
        <p className="hint">{file.name} carries its own graph: it imports with no mapping.</p>
      )}
      {preview && form && (
        <fieldset className="mapping" aria-label="Mapping">
          <legend>Mapping of {file?.name}</legend>
          <SavedMappings
            mapping={mappingOf(form)}
            onUse={(mapping) => setForm(formOf(mapping, preview))}
            onError={setError}
          />
          <label>
            Each row makes{' '}
            <select value={form.kind} onChange={(event) => set({ kind: event.target.value as Form['kind'] })}>
              <option value="nodes">a node</option>
              <option value="relationships">a relationship</option>
            </select>
          </label>
          {form.kind === 'nodes' ? (
            <>
              <label>
                Labels (comma-separated){' '}
                <input value={form.labels} onChange={(event) => set({ labels: event.target.value })} />
              </label>
              <ColumnSelect label="Id column" value={form.id} columns={columns} onChange={(id) => set({ id })} />
              <ColumnSelect
                label="and (composite id)"
                value={form.idPart}
                columns={columns}
                onChange={(idPart) => set({ idPart })}
              />
              <ColumnSelect
                label="Caption column"
                value={form.caption}
                columns={columns}
                onChange={(caption) => set({ caption })}
              />
            </>
          ) : (
            <>
              <label>
                Type <input value={form.type} onChange={(event) => set({ type: event.target.value })} />
              </label>
              <EndpointFields form={form} columns={columns} set={set} />
            </>
          )}
          <ColumnSelect
            label="Starts (since)"
            value={form.start}
            columns={columns}
            onChange={(start) => set({ start })}
          />
          <ColumnSelect
            label="Ends (last period)"
            value={form.end}
            columns={columns}
            onChange={(end) => set({ end })}
          />
          <ColumnSelect
            label="Source column"
            value={form.sourceColumn}
            columns={columns}
            onChange={(sourceColumn) => set({ sourceColumn })}
          />
          {!form.sourceColumn && (
            <label>
              or one source for the file{' '}
              <input value={form.sourceConstant} onChange={(event) => set({ sourceConstant: event.target.value })} />
            </label>
          )}
          <PreviewTable preview={preview} form={form} set={set} />
        </fieldset>
      )}
      {file && (
        <div className="actions">
          <label>
            <input type="checkbox" checked={skipRejected} onChange={(event) => setSkipRejected(event.target.checked)} />{' '}
            Skip rejected rows and import the good ones
          </label>
          <button onClick={() => void send(true)}>Dry run</button>
          <button onClick={() => void send(false)}>Import</button>
        </div>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {job && (
        <ImportJobView
          job={job}
          onAct={(action) => void act(action)}
          onForget={forget}
          onShow={
            onOpen && preview && form?.kind === 'nodes' && preview.rows[0]
              ? () => onOpen(rowId(form, preview.rows[0]!))
              : undefined
          }
        />
      )}
    </section>
  );
}
