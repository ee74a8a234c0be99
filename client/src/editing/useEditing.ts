import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Graph } from '../api/api';
import { api, ApiError } from '../api/api';
import { queryClient } from '../api/queries';
import { editingApi, type EditTarget, type Gone, type PropertyValue, type SourceInput } from './editingApi';

export const historyQuery = (target: EditTarget) => ({
  queryKey: ['history', target.kind, target.id],
  queryFn: () => editingApi.history(target),
});

/** An element read again after an edit: 'gone' when the server says so (404, 410), undefined when unread. */
async function readAgain<T>(read: () => Promise<T>): Promise<T | 'gone' | undefined> {
  try {
    return await read();
  } catch (error) {
    return error instanceof ApiError && [404, 410].includes(error.status) ? 'gone' : undefined;
  }
}

export interface EditingController {
  history: Awaited<ReturnType<typeof editingApi.history>> | undefined;
  busy: boolean;
  /** The last answer worth saying: an error's detail, or what a save did. */
  message: string | undefined;
  save: (changes: Record<string, PropertyValue | null>, claim: string, source: SourceInput) => Promise<boolean>;
  revert: (editId: number) => Promise<void>;
}

/**
 * The one controller of editing in the inspector: reads the selection's history (its version and typed
 * properties), saves a change with its claim and source, reverts an edit, and hands what changed to the
 * canvas (`onChanged`). It draws nothing.
 */
export function useEditing(target: EditTarget, onChanged: (graph: Graph, gone?: Gone) => void): EditingController {
  const history = useQuery(historyQuery(target)).data;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
      // What an edit can change elsewhere: the history, the node, disagreements, what changed, timelines.
      await Promise.all(
        ['history', 'node', 'disagreements', 'changes', 'timeline'].map((key) =>
          queryClient.invalidateQueries({ queryKey: [key] }),
        ),
      );
      return true;
    } catch (error) {
      setMessage(error instanceof ApiError ? error.detail || error.title : String(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return {
    history,
    busy,
    message,
    save: (changes, claim, source) =>
      run(async () => {
        const saved = await editingApi.update(target, {
          version: history?.version ?? 0,
          properties: changes,
          claim,
          sources: [source],
        });
        const edges = saved.relationship ? [saved.relationship] : [];
        // A new figure beside it: the edited one joined the group too, so the inspector shows both versions.
        if (saved.disagreement) {
          const edited = await readAgain(() => editingApi.relationship(target.id));
          if (edited && edited !== 'gone') edges.push(edited.edge);
        }
        onChanged({ nodes: saved.node ? [saved.node] : [], edges });
        if (!saved.edit) return 'Nothing differed: nothing was written.';
        return saved.disagreement
          ? `Saved as a new version beside the old figure (disagreement “${saved.disagreement}”).`
          : `Saved (version ${saved.version}).`;
      }),
    revert: async (editId) => {
      await run(async () => {
        const { edit } = await editingApi.revert(editId);
        const said = `Edit ${editId} reverted (edit ${edit.id}).`;
        const goneSaid = `Edit ${editId} reverted: what it made is no longer in the graph.`;
        // What the revert changed is read again for the canvas: the selection (gone when the revert un-made it)
        // and, for a figure stated beside another, that other (no longer in a disagreement).
        const reverted = history?.edits.find((entry) => entry.id === editId);
        const besideId = (reverted?.before as { versionOf?: { id?: string } } | null)?.versionOf?.id;
        if (target.kind === 'node') {
          const read = await readAgain(() => api.node(target.id));
          if (read === 'gone') onChanged({ nodes: [], edges: [] }, { ids: [target.id], said: goneSaid });
          else if (read) onChanged({ nodes: [read.node], edges: [] });
          return said;
        }
        const read = await readAgain(() => editingApi.relationship(target.id));
        const beside = besideId ? await readAgain(() => editingApi.relationship(besideId)) : undefined;
        const kept = beside && beside !== 'gone' ? beside.edge : undefined;
        const edges = [read && read !== 'gone' ? read.edge : undefined, kept].filter((edge) => edge !== undefined);
        const select = kept && { kind: 'edge' as const, id: kept.id };
        onChanged({ nodes: [], edges }, read === 'gone' ? { ids: [target.id], select, said: goneSaid } : undefined);
        return said;
      });
    },
  };
}
