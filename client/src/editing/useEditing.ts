import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Graph } from '../api/api';
import { api, ApiError } from '../api/api';
import { queryClient } from '../api/queries';
import { editingApi, type EditTarget, type PropertyValue, type SourceInput } from './editingApi';

export const historyQuery = (target: EditTarget) => ({
  queryKey: ['history', target.kind, target.id],
  queryFn: () => editingApi.history(target),
});

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
export function useEditing(target: EditTarget, onChanged: (graph: Graph) => void): EditingController {
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
        onChanged({ nodes: saved.node ? [saved.node] : [], edges: saved.relationship ? [saved.relationship] : [] });
        if (!saved.edit) return 'Nothing differed: nothing was written.';
        return saved.disagreement
          ? `Saved as a new version beside the old figure (disagreement “${saved.disagreement}”).`
          : `Saved (version ${saved.version}).`;
      }),
    revert: async (editId) => {
      await run(async () => {
        const { edit } = await editingApi.revert(editId);
        // A node is read again for the canvas (a relationship shows its new values once it is drawn again).
        if (target.kind === 'node') {
          const { node } = await api.node(target.id).catch(() => ({ node: undefined }));
          if (node) onChanged({ nodes: [node], edges: [] });
        }
        return `Edit ${editId} reverted (edit ${edit.id}).`;
      });
    },
  };
}
