import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useMe } from '../accounts/useMe';
import { ApiError } from '../api/api';
import type { GraphCanvasHandle } from '../canvas/GraphCanvas';
import { captureView, type Shown } from '../share/useViewInUrl';
import { investigationsApi, type Investigation, type InvestigationSummary } from './investigationsApi';

/** Whether the canvas matches what the server holds. */
export type SaveState =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  /** Someone else saved since this page read it: their version is `version`. */
  | { kind: 'conflict'; version: number; by?: string }
  | { kind: 'failed'; message: string };

/** JSON with object keys sorted: the server's copy of a view comes back with its keys in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** How long after the last change the canvas is saved on its own. */
const autosaveMs = 1500;

interface Options {
  canvas: RefObject<GraphCanvasHandle | null>;
  shown: Shown;
  /** The investigation the page opened, if any. */
  opened?: Investigation;
  /** The canvas has drawn what the page opened on: what it shows then is the baseline, not a change. */
  ready: boolean;
  /** An embedded view never saves, whoever looks at it. */
  readOnly?: boolean;
  /** A new investigation was saved from this page: its address becomes the page's. */
  onAdopt: (investigation: InvestigationSummary) => void;
}

/**
 * The open investigation, kept in step with the canvas: each change is saved on its own a moment later (at
 * the version last read, so that a save made meanwhile by someone else is never overwritten), and the state
 * (saved, unsaved, saving, conflict) is there to show. Nothing is saved until the canvas has drawn what was
 * opened (so opening never saves), nor by those who may only read. Draws nothing.
 */
export function useInvestigation({ canvas, shown, opened, ready, readOnly = false, onAdopt }: Options) {
  const { can } = useMe();
  const [current, setCurrent] = useState<InvestigationSummary | undefined>(opened);
  const [state, setState] = useState<SaveState>(opened ? { kind: 'saved' } : { kind: 'none' });
  const latest = useRef({ shown, current, state });
  useEffect(() => {
    latest.current = { shown, current, state };
  });
  /** The view as last saved, serialised (none until the opened canvas is drawn): going back to it is no change. */
  const savedText = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** The save under way: a rename waits for it, so that the two never race at one version. */
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  /** Saving again, from within a save that ended with more to save. */
  const saveAgain = useRef(() => {});
  const writable = !!current && !readOnly && current.access !== 'viewer' && can('write:investigations');

  const save = useCallback(async () => {
    const { current: open, state: now } = latest.current;
    if (!open || now.kind === 'conflict' || now.kind === 'saving' || savedText.current === undefined) return;
    const view = captureView(canvas.current, latest.current.shown);
    if (!view) return;
    const text = canonical(view);
    if (text === savedText.current) return setState({ kind: 'saved' });
    setState({ kind: 'saving' });
    const work = (async () => {
      try {
        const saved = await investigationsApi.update(open.id, { version: open.version, view });
        savedText.current = text;
        latest.current.current = saved;
        setCurrent(saved);
        const again = canonical(captureView(canvas.current, latest.current.shown)) !== text;
        setState(again ? { kind: 'unsaved' } : { kind: 'saved' });
        // What changed while this save was under way is saved next.
        if (again) timer.current = setTimeout(() => saveAgain.current(), autosaveMs);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          const [theirs] = (await investigationsApi.versions(open.id).catch(() => ({ items: [] }))).items;
          setState({ kind: 'conflict', version: theirs?.version ?? open.version + 1, by: theirs?.author });
        } else {
          setState({ kind: 'failed', message: (error as Error).message });
        }
      }
    })();
    inFlight.current = work;
    await work;
  }, [canvas]);

  useEffect(() => {
    saveAgain.current = () => void save();
  }, [save]);

  /** Something on the canvas changed: saved a moment later, when this page may save. */
  const changed = useCallback(() => {
    const { current: open, state: now } = latest.current;
    if (!open || !ready || now.kind === 'conflict') return;
    const view = captureView(canvas.current, latest.current.shown);
    if (!view) return;
    if (savedText.current === undefined) {
      savedText.current = canonical(view);
      return;
    }
    if (!writable || canonical(view) === savedText.current) return;
    setState((previous) => (previous.kind === 'saving' ? previous : { kind: 'unsaved' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), autosaveMs);
  }, [canvas, save, writable, ready]);

  const { graph, asOf, selected, filters, layout, styles, dating, pathExclude, pinned, unfolded } = shown;
  useEffect(changed, [graph, asOf, selected, filters, layout, styles, dating, pathExclude, pinned, unfolded, changed]);
  useEffect(() => () => clearTimeout(timer.current), []);
  // Work not saved (waiting, under way, failed or refused) is said before the tab closes.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (['unsaved', 'saving', 'failed', 'conflict'].includes(latest.current.state.kind)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** Saves the canvas as a new investigation, which this page then holds. */
  const saveAs = useCallback(
    async (title: string, description = '') => {
      const view = captureView(canvas.current, latest.current.shown);
      if (!view) throw new Error('There is nothing on the canvas to save.');
      const created = await investigationsApi.create({ title, description, view });
      savedText.current = canonical(view);
      setCurrent(created);
      setState({ kind: 'saved' });
      onAdopt(created);
      return created;
    },
    [canvas, onAdopt],
  );

  /** A new title, saved once any save under way has ended (at the version that save made). */
  const rename = useCallback(async (title: string) => {
    await inFlight.current;
    const open = latest.current.current;
    if (!open) return;
    try {
      const saved = await investigationsApi.update(open.id, { version: open.version, title });
      latest.current.current = saved;
      setCurrent(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setState({ kind: 'conflict', version: open.version + 1 });
      } else throw error;
    }
  }, []);

  return { current, state, writable, save, saveAs, rename, changed };
}
