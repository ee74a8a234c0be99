import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { investigationsApi, type Annotation } from './investigationsApi';

export type NoteTarget = Annotation['target'];

const notesKey = (id: string | undefined) => ['investigation-notes', id];

/** The open investigation's notes, and adding, changing and deleting them. Draws nothing. */
export function useNotes(investigationId: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: notesKey(investigationId),
    queryFn: async () => (await investigationsApi.annotations(investigationId!)).items,
    enabled: !!investigationId,
  });
  const notes = useMemo(() => query.data ?? [], [query.data]);
  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: notesKey(investigationId) }),
    [queryClient, investigationId],
  );
  const add = useCallback(
    async (target: NoteTarget, text: string, step: number | null) => {
      await investigationsApi.annotate(investigationId!, { target, text, step });
      await refresh();
    },
    [investigationId, refresh],
  );
  const edit = useCallback(
    async (note: Annotation, change: { text?: string; step?: number | null }) => {
      await investigationsApi.updateNote(investigationId!, note.id, change);
      await refresh();
    },
    [investigationId, refresh],
  );
  const remove = useCallback(
    async (note: Annotation) => {
      await investigationsApi.deleteNote(investigationId!, note.id);
      await refresh();
    },
    [investigationId, refresh],
  );
  /** What the canvas marks: each node and relationship a note is on. */
  const annotated = useMemo(
    () => new Set(notes.flatMap((note) => (note.target.kind === 'canvas' ? [] : [note.target.id]))),
    [notes],
  );
  /** The notes present mode steps through, in their order. */
  const steps = useMemo(() => notes.filter((note) => note.step !== null).sort((a, b) => a.step! - b.step!), [notes]);
  return { notes, annotated, steps, add, edit, remove, error: query.error };
}
