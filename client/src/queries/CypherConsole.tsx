import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { schemaQuery } from '../api/queries';
import { api, ApiError, type Graph } from '../api/api';
import { caretUnder, withoutNeo4jPosition } from './consoleError';
import type { ShownResult } from './ResultDrawer';

interface CompletionSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

// The editor owns the text once shown; this is only where it starts.
const firstStatement = 'MATCH (a)-[r]->(b)\nRETURN a, r, b\nLIMIT 25';

interface Props {
  onGraph: (graph: Graph, mode: 'add' | 'replace') => void;
  /** Rows go to the results drawer. */
  onResult: (shown: ShownResult) => void;
}

/**
 * The read-only Cypher console, on Neo4j's own CodeMirror editor (highlighting, completion from the
 * database's schema). Ctrl/Cmd-Enter runs; an error puts the cursor where the API says it is and points
 * at it under the line. Loaded only when its tab is opened: the editor is most of the client's weight.
 */
export function CypherConsole({ onGraph, onResult }: Props) {
  const helpId = useId();
  // The statement run beside its error: the position points into what was sent, not what is typed since.
  const [failed, setFailed] = useState<{ error: ApiError; statement: string }>();
  const found = useQuery(schemaQuery());
  // The same object while the answer is the same: the editor rebuilds its completion when the schema changes.
  const schema = useMemo<CompletionSchema | undefined>(
    () =>
      found.data && {
        // Neo4j's completion replaces the typed token colon and all (`:Comp`): its labels and types carry the
        // colon, as Neo4j Browser passes them, or the chosen one loses it (`(nCompany)`).
        labels: found.data.labels.map((label) => `:${label.name}`),
        relationshipTypes: found.data.relationshipTypes.map((type) => `:${type.name}`),
        propertyKeys: found.data.propertyKeys,
      },
    [found.data],
  );
  const [position, setPosition] = useState<number>();
  const text = useRef(firstStatement);

  const run = async () => {
    const statement = text.current;
    setFailed(undefined);
    try {
      const answer = await api.cypher(statement);
      onResult({ title: 'Cypher console', result: answer });
      onGraph(answer.graph, 'add');
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'Error', String(failure));
      setFailed({ error, statement });
      if (error.position) setPosition(error.position.offset);
    }
  };

  return (
    <section className="console" aria-label="Cypher console">
      <div className="editor" data-testid="cypher-editor">
        <CypherEditor
          value={firstStatement}
          schema={schema}
          position={position}
          lineNumbers
          lineWrapping
          autofocus={false}
          onEditorCreated={(editor) => {
            // The editable element itself is what a screen reader lands on: it carries the name and the help.
            editor.codemirror.contentDOM.setAttribute('aria-label', 'Cypher query');
            editor.codemirror.contentDOM.setAttribute('aria-describedby', helpId);
          }}
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
      <p className="hint" id={helpId}>
        Ctrl-Enter runs. Tab indents; to leave the editor, press Esc and then Tab.
      </p>
      <button onClick={() => void run()}>Run (Ctrl-Enter)</button>
      {failed && (
        <div className="error" role="alert" data-testid="console-error">
          {failed.error.position && (
            <span className="position">
              Line {failed.error.position.line}, column {failed.error.position.column}:{' '}
            </span>
          )}
          {withoutNeo4jPosition(failed.error.message)}
          {failed.error.position && <pre className="caret">{caretUnder(failed.statement, failed.error.position)}</pre>}
        </div>
      )}
    </section>
  );
}
