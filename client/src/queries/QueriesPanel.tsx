import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { savedQueriesQuery, schemaQuery } from '../api/queries';
import { SearchBox } from '../search/SearchBox';
import { api, type Graph, type QueryParameter, type SavedQuerySummary } from '../api/api';
import type { ShownResult } from './ResultDrawer';

interface Props {
  onGraph: (graph: Graph, mode: 'add' | 'replace') => void;
  /** Rows go to the results drawer. */
  onResult: (shown: ShownResult) => void;
}

function initialValues(parameters: QueryParameter[]): Record<string, string> {
  return Object.fromEntries(
    parameters.map((parameter) => [parameter.name, parameter.default === undefined ? '' : String(parameter.default)]),
  );
}

function toValue(parameter: QueryParameter, text: string): unknown {
  if (parameter.type === 'number') return text === '' ? undefined : Number(text);
  if (parameter.type === 'boolean') return text === 'true';
  return text === '' ? undefined : text;
}

/** Saved queries: pick one, fill the form built from its declared parameters, run it onto the canvas. */
export function QueriesPanel({ onGraph, onResult }: Props) {
  const listed = useQuery(savedQueriesQuery());
  const queries: SavedQuerySummary[] = listed.data?.queries ?? [];
  const [chosen, setChosen] = useState<SavedQuerySummary>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<'add' | 'replace'>('add');
  const [error, setError] = useState<string>();
  /** Captions of the nodes picked for node parameters, by parameter. */
  const [picked, setPicked] = useState<Record<string, string>>({});
  const schema = useQuery(schemaQuery());
  /** The names a schema-typed parameter may take, from the database's own schema. */
  const names = (type: QueryParameter['type']): string[] | undefined => {
    if (type === 'label') return schema.data?.labels.map((label) => label.name);
    if (type === 'relationshipType') return schema.data?.relationshipTypes.map((relationship) => relationship.name);
    if (type === 'propertyKey') return schema.data?.propertyKeys;
    return undefined;
  };

  const choose = (query: SavedQuerySummary) => {
    setChosen(query);
    setValues(initialValues(query.parameters));
    setPicked({});
    setError(undefined);
  };

  const run = async () => {
    if (!chosen) return;
    setError(undefined);
    const params = Object.fromEntries(
      chosen.parameters
        .map((parameter) => [parameter.name, toValue(parameter, values[parameter.name] ?? '')] as const)
        .filter(([, value]) => value !== undefined),
    );
    try {
      const answer = await api.runQuery(chosen.id, params);
      onResult({ title: chosen.name, result: answer });
      onGraph(answer.graph, mode);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section className="queries" aria-label="Saved queries">
      <select
        aria-label="Saved query"
        value={chosen?.id ?? ''}
        onChange={(event) => {
          const query = queries.find((candidate) => candidate.id === event.target.value);
          if (query) choose(query);
        }}
      >
        <option value="">Choose a saved query…</option>
        {queries.map((query) => (
          <option key={query.id} value={query.id}>
            {query.name}
          </option>
        ))}
      </select>
      {chosen && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run();
          }}
        >
          <p className="hint">{chosen.description}</p>
          {chosen.parameters.map((parameter) => {
            const label = parameter.description ?? parameter.name;
            const set = (value: string) => setValues({ ...values, [parameter.name]: value });
            const choices = parameter.values?.map(String) ?? names(parameter.type);
            if (parameter.type === 'nodeId') {
              return (
                <div key={parameter.name} className="node-parameter">
                  <span>{label}</span>
                  <SearchBox
                    label={label}
                    placeholder="Search for the node"
                    onPick={(result) => {
                      set(result.id);
                      setPicked({ ...picked, [parameter.name]: result.caption });
                    }}
                  />
                  <span className="hint" role="status">
                    {picked[parameter.name] ? `Chosen: ${picked[parameter.name]}` : 'No node chosen yet'}
                  </span>
                </div>
              );
            }
            return (
              <label key={parameter.name}>
                {label}
                {choices ? (
                  <select
                    name={parameter.name}
                    value={values[parameter.name] ?? ''}
                    onChange={(event) => set(event.target.value)}
                  >
                    {!parameter.values && <option value="">Choose…</option>}
                    {choices.map((value) => (
                      <option key={value}>{value}</option>
                    ))}
                  </select>
                ) : (
                  <input
                    name={parameter.name}
                    type={parameter.type === 'number' ? 'number' : parameter.type === 'date' ? 'date' : 'text'}
                    value={values[parameter.name] ?? ''}
                    onChange={(event) => set(event.target.value)}
                  />
                )}
              </label>
            );
          })}
          <fieldset className="choices">
            <legend>Results</legend>
            <label>
              <input type="radio" name="mode" checked={mode === 'add'} onChange={() => setMode('add')} /> Add to canvas
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
              Replace canvas
            </label>
          </fieldset>
          <button type="submit">Run</button>
        </form>
      )}
      {(error ?? listed.error?.message) && (
        <div className="error" role="alert">
          {error ?? listed.error?.message}
        </div>
      )}
    </section>
  );
}
