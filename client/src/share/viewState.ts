import type { View } from '../investigations/investigationsApi.js';
import { dict } from '../app/records.js';
import { readValueFilters } from '../filters/valueFilters.js';
import { readExclude } from '../paths/pathExclude.js';
import { readStyles } from '../styling/labelStyles.js';
import { readRules } from '../styling/rules.js';
import { readDatingChoices } from '../time/dating.js';

/**
 * Everything a shared link restores and an investigation keeps: which nodes, where, with which filters, date
 * and selection. The shape is the server's (its zod schema checks what investigations store).
 */
export type ViewState = View;

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
      rules: readRules(view.rules),
      dating: readDatingChoices(view.dating),
      pathExclude: readExclude(view.pathExclude),
      fingerprints:
        isStrings(view.fingerprints) && view.fingerprints.length === view.ids.length ? view.fingerprints : undefined,
      positions: dict(view.positions && typeof view.positions === 'object' ? Object.entries(view.positions) : []),
      hiddenLabels: isStrings(view.hiddenLabels) ? view.hiddenLabels : [],
      hiddenTypes: isStrings(view.hiddenTypes) ? view.hiddenTypes : [],
      valueFilters: readValueFilters(view.valueFilters),
      pinned: isStrings(view.pinned) ? view.pinned : undefined,
      unfolded: isStrings(view.unfolded) ? view.unfolded : undefined,
      layout: view.layout === 'dagre' || view.layout === 'concentric' ? view.layout : 'fcose',
    },
  };
}
