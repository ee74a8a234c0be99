import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type Graph, type QueryResult } from '../api/api';
import { ResultTable } from './ResultTable';

interface Props {
  onGraph(graph: Graph, mode: 'add' | 'replace'): void;
}

interface CompletionSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

/**
 * The read-only Cypher console, on Neo4j's own CodeMirror editor (highlighting, completion from the
 * database's schema). Ctrl/Cmd-Enter runs; an error puts the cursor where the API says it is.
 */
export function CypherConsole({ onGraph }: Props) {
  const [result, setResult] = useState<QueryResult>();
  const [error, setError] = useState<ApiError>();
  const [schema, setSchema] = useState<CompletionSchema>();
  const [position, setPosition] = useState<number>();
  const text = useRef('MATCH (a)-[r:INVESTED_IN]->(b)\nRETURN a, r, b');

  useEffect(() => {
    api.schema().then(
      (found) =>
        setSchema({
          labels: found.labels.map((label) => label.name),
          relationshipTypes: found.relationshipTypes.map((type) => type.name),
          propertyKeys: found.propertyKeys,
        }),
      () => setSchema(undefined),
    );
  }, []);

  const run = async () => {
    setError(undefined);
    try {
      const answer = await api.cypher(text.current);
      setResult(answer);
      onGraph(answer.graph, 'add');
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, 'Error', String(failure));
      setError(apiError);
      setResult(undefined);
      if (apiError.position) setPosition(apiError.position.offset);
    }
  };

  return (
    <section className="console" aria-label="Cypher console">
      <div className="editor" aria-label="Cypher query">
        <CypherEditor
          value={text.current}
          schema={schema}
          position={position}
          lineNumbers
          autofocus={false}
          onValueChanged={(value) => {
            text.current = value;
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              void run();
            }
          }}
        />
      </div>
      <button onClick={() => void run()}>Run (Ctrl-Enter)</button>
      {error && (
        <div className="error" role="alert" data-testid="console-error">
          {error.position && (
            <span className="position">
              Line {error.position.line}, column {error.position.column}:{' '}
            </span>
          )}
          {error.message}
        </div>
      )}
      {result && <ResultTable result={result} />}
    </section>
  );
}
