import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { nodeQuery, savedQueriesQuery, schemaQuery } from '../api/queries';
import { SearchBox } from '../search/SearchBox';
import { api, type Graph, type QueryParameter, type SavedQuerySummary } from '../api/api';
import { readableProblem } from './readable';
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

/** What a node parameter holds: the node picked, else the query's default node (named), else nothing yet. */
function NodeChoice({ picked, fallback }: { picked?: string; fallback?: string }) {
  const fallbackNode = useQuery({ ...nodeQuery(fallback ?? ''), enabled: !picked && fallback !== undefined });
  const text = picked
    ? `Chosen: ${picked}`
    : fallback !== undefined
      ? `Unless you choose another: ${fallbackNode.data?.node.caption ?? fallback}`
      : 'No node chosen yet';
  return (
    <span className="hint" role="status">
      {text}
    </span>
  );
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
    // Each query starts by adding to the canvas: replacing it is chosen for one query, never carried over.
    setMode('add');
  };

  const run = async () => {
    if (!chosen) return;
    setError(undefined);
    const labels = Object.fromEntries(chosen.parameters.map((p) => [p.name, p.description ?? p.name]));
    const missing = chosen.parameters.find(
      (parameter) => parameter.type === 'nodeId' && !values[parameter.name] && parameter.default === undefined,
    );
    if (missing) {
      setError(`${labels[missing.name]}: choose a node with the search first.`);
      return;
    }
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
      setError(readableProblem((failure as Error).message, labels));
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
                  <NodeChoice
                    picked={picked[parameter.name]}
                    fallback={parameter.default === undefined ? undefined : String(parameter.default)}
                  />
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
