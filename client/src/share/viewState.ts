import type { Position } from 'cytoscape';
import { dict } from '../app/records.js';
import type { LayoutName } from '../canvas/layouts.js';
import { readExclude } from '../paths/pathExclude.js';
import { readStyles, type LabelStyles } from '../styling/labelStyles.js';
import { readDatingChoices, type DatingChoices } from '../time/dating.js';

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
  /** Colours, shapes, captions and sizes chosen per label. */
  styles?: LabelStyles;
  /** Which properties date the labels and types the sharer chose them for. */
  dating?: DatingChoices;
  /** The relationship types path searches never step through, when the sharer chose them. */
  pathExclude?: string[];
  /** A fingerprint of each node's caption, in the order of `ids`: a node that now reads otherwise is not it. */
  fingerprints?: string[];
  /** The zoom and pan the link was shared at. */
  zoom?: number;
  pan?: Position;
}

const prefix = '#view=';

/** A short fingerprint of a caption (FNV-1a, base 36): enough to notice that an id now names another node. */
export function fingerprint(caption: string): string {
  let hash = 0x811c9dc5;
  for (const char of caption.normalize('NFC')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

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
  const read = readView(hash);
  return read.kind === 'view' ? read.view : undefined;
}

/** What a URL hash holds: no view, a view, or a view link that is damaged (said to the user, never ignored). */
export type ReadView = { kind: 'none' } | { kind: 'view'; view: ViewState } | { kind: 'damaged' };

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function readView(hash: string): ReadView {
  if (!hash.startsWith(prefix)) return { kind: 'none' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(hash.slice(prefix.length)));
  } catch {
    return { kind: 'damaged' };
  }
  if (!parsed || typeof parsed !== 'object') return { kind: 'damaged' };
  const view = parsed as Partial<ViewState>;
  if (!isStrings(view.ids)) return { kind: 'damaged' };
  return {
    kind: 'view',
    view: {
      ...view,
      ids: view.ids,
      edges: isStrings(view.edges) ? view.edges : [],
      styles: readStyles(view.styles),
      dating: readDatingChoices(view.dating),
      pathExclude: readExclude(view.pathExclude),
      fingerprints:
        isStrings(view.fingerprints) && view.fingerprints.length === view.ids.length ? view.fingerprints : undefined,
      positions: dict(view.positions && typeof view.positions === 'object' ? Object.entries(view.positions) : []),
      hiddenLabels: isStrings(view.hiddenLabels) ? view.hiddenLabels : [],
      hiddenTypes: isStrings(view.hiddenTypes) ? view.hiddenTypes : [],
      layout: view.layout === 'dagre' || view.layout === 'concentric' ? view.layout : 'fcose',
    },
  };
}
