import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { savedQueriesQuery } from '../api/queries';
import { api, type Graph, type QueryParameter, type SavedQuerySummary } from '../api/api';
import type { ShownResult } from './ResultDrawer';

interface Props {
  onGraph(graph: Graph, mode: 'add' | 'replace'): void;
  /** Rows go to the results drawer. */
  onResult(shown: ShownResult): void;
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

  const choose = (query: SavedQuerySummary) => {
    setChosen(query);
    setValues(initialValues(query.parameters));
    setError(undefined);
  };

  const run = async () => {
    if (!chosen) return;
    setError(undefined);
    const params = Object.fromEntries(
      chosen.parameters
        .map((parameter) => [parameter.name, toValue(parameter, values[parameter.name] ?? '')])
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
          {chosen.parameters.map((parameter) => (
            <label key={parameter.name}>
              {parameter.description ?? parameter.name}
              {parameter.values ? (
                <select
                  value={values[parameter.name]}
                  onChange={(event) => setValues({ ...values, [parameter.name]: event.target.value })}
                >
                  {parameter.values.map((value) => (
                    <option key={String(value)}>{String(value)}</option>
                  ))}
                </select>
              ) : (
                <input
                  name={parameter.name}
                  type={parameter.type === 'number' ? 'number' : parameter.type === 'date' ? 'date' : 'text'}
                  value={values[parameter.name] ?? ''}
                  onChange={(event) => setValues({ ...values, [parameter.name]: event.target.value })}
                />
              )}
            </label>
          ))}
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
