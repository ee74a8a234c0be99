import { lazy, Suspense, useState } from 'react';
import type { Graph } from '../api/api';
import { useMe } from '../accounts/useMe';
import type { EditTarget, Gone } from './editingApi';
import { HistoryList } from './HistoryList';
import { useEditing } from './useEditing';

// The form is loaded when an editor first opens it: most who inspect a node only read its history.
const EditForm = lazy(() => import('./EditForm').then((module) => ({ default: module.EditForm })));

/** The inspector's editing part: an Edit form for editors, and the selection's history for everyone. */
export function EditingSection({
  target,
  onChanged,
}: {
  target: EditTarget;
  onChanged: (graph: Graph, gone?: Gone) => void;
}) {
  const { can } = useMe();
  const editing = useEditing(target, onChanged);
  const [open, setOpen] = useState(false);
  const mayEdit = can('edit');
  return (
    <section className="editing" aria-label="Editing">
      <h3>History</h3>
      {mayEdit && !open && editing.history?.properties && <button onClick={() => setOpen(true)}>Edit…</button>}
      {open && editing.history?.properties && (
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <EditForm
            key={`${target.kind}:${target.id}:${editing.history.version}`}
            properties={editing.history.properties}
            busy={editing.busy}
            onSave={(changes, claim, source) => editing.save(changes, claim, source)}
            onCancel={() => setOpen(false)}
          />
        </Suspense>
      )}
      {editing.message && <p role="status">{editing.message}</p>}
      <HistoryList
        edits={editing.history?.edits ?? []}
        canRevert={mayEdit}
        busy={editing.busy}
        onRevert={(id) => void editing.revert(id)}
      />
    </section>
  );
}
