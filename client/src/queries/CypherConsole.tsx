import { useRef, useState } from 'react';
import { api, ApiError, type Graph, type QueryResult } from '../api/api';
import { ResultTable } from './ResultTable';

interface Props {
  onGraph(graph: Graph, mode: 'add' | 'replace'): void;
}

/** The read-only Cypher console: Ctrl/Cmd-Enter runs; an error is shown at the position the API gives. */
export function CypherConsole({ onGraph }: Props) {
  const [text, setText] = useState('MATCH (a)-[r:INVESTED_IN]->(b)\nRETURN a, r, b');
  const [result, setResult] = useState<QueryResult>();
  const [error, setError] = useState<ApiError>();
  const editor = useRef<HTMLTextAreaElement>(null);

  const run = async () => {
    setError(undefined);
    try {
      const answer = await api.cypher(text);
      setResult(answer);
      onGraph(answer.graph, 'add');
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : new ApiError(0, 'Error', String(failure));
      setError(apiError);
      setResult(undefined);
      if (apiError.position && editor.current) {
        editor.current.focus();
        editor.current.setSelectionRange(apiError.position.offset, apiError.position.offset + 1);
      }
    }
  };

  return (
    <section className="console" aria-label="Cypher console">
      <textarea
        ref={editor}
        aria-label="Cypher query"
        spellCheck={false}
        rows={5}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void run();
          }
        }}
      />
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
