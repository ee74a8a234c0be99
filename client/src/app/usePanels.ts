import { useCallback, useState } from 'react';
import type { ShownResult } from '../queries/ResultDrawer';
import type { Message } from './Banner';

export type PanelTab = 'filters' | 'list' | 'queries' | 'console' | 'disagreements' | 'notes' | 'import' | 'edit';
export type Dialog = 'share' | 'versions' | 'present';

/** What the page has open besides the canvas: the side panel's tab, a dialog, a query's rows, a banner. */
export function usePanels(startTab: PanelTab) {
  const [tab, setTab] = useState<PanelTab>(startTab);
  const [dialog, setDialog] = useState<Dialog>();
  const [results, setResults] = useState<ShownResult>();
  const [message, setMessage] = useState<Message>();
  /** An info banner tells of the last action: the next one (a search, a path search, undo) takes it away. */
  const dropInfo = useCallback(() => setMessage((shown) => (shown?.kind === 'info' ? undefined : shown)), []);
  return { tab, setTab, dialog, setDialog, results, setResults, message, setMessage, dropInfo };
}
