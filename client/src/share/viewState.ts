import type { Position } from 'cytoscape';
import type { LayoutName } from '../canvas/layouts';

/** Everything a shared link restores: which nodes, where, with which filters, date and selection. */
export interface ViewState {
  ids: string[];
  /** The relationships drawn among those nodes (a subgraph of the ids can hold more). */
  edges: string[];
  positions: Record<string, Position>;
  asOf?: string;
  selected?: { kind: 'node' | 'edge'; id: string };
  hiddenLabels: string[];
  hiddenTypes: string[];
  layout: LayoutName;
}

const prefix = '#view=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function encodeView(view: ViewState): string {
  return prefix + toBase64Url(JSON.stringify(view));
}

/** The view in a URL hash, or undefined when there is none or it cannot be read. */
export function decodeView(hash: string): ViewState | undefined {
  if (!hash.startsWith(prefix)) return undefined;
  try {
    const view = JSON.parse(fromBase64Url(hash.slice(prefix.length))) as ViewState;
    return Array.isArray(view.ids)
      ? { ...view, hiddenLabels: view.hiddenLabels ?? [], hiddenTypes: view.hiddenTypes ?? [] }
      : undefined;
  } catch {
    return undefined;
  }
}
