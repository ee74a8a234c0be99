import type { ImportMapping as Mapping } from '../api/api';
import type { Preview, PropertyType } from './guess';
import { guessType } from './guess';

/** What the mapping form holds: the mapping as the person edits it, one field per control. */
export interface Form {
  kind: 'nodes' | 'relationships';
  labels: string;
  id: string;
  /** A second id column: the id is then the two values joined with `:` (a composite). */
  idPart: string;
  /** Id columns past the second, kept from a saved mapping that names them (the form shows two). */
  idRest: string[];
  caption: string;
  type: string;
  from: string;
  fromLabel: string;
  fromMatch: 'id' | 'caption';
  to: string;
  toLabel: string;
  toMatch: 'id' | 'caption';
  start: string;
  end: string;
  sourceColumn: string;
  sourceConstant: string;
  properties: Record<string, PropertyType | 'skip'>;
}

const splitNames = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/** The columns that a role in the form takes (id, caption, ends, dates, source): not properties as well. */
function columnsUsed(form: Form): Set<string> {
  return new Set([...idColumns(form), form.caption, form.from, form.to, form.start, form.end, form.sourceColumn]);
}

/** The id columns the form names: one, or two for a composite id. */
function idColumns(form: Form): string[] {
  return form.idPart ? [form.id, form.idPart, ...form.idRest] : [form.id];
}

/** The id a row of the file gets under the form's mapping (a composite joined with `:`, as the server does). */
export function rowId(form: Form, row: Record<string, string>): string {
  return idColumns(form)
    .map((column) => row[column] ?? '')
    .join(':');
}

/** The mapping the form says, in the server's one mapping format. */
export function mappingOf(form: Form): Mapping {
  const used = columnsUsed(form);
  const properties = Object.fromEntries(
    Object.entries(form.properties).filter(
      (entry): entry is [string, PropertyType] => entry[1] !== 'skip' && !used.has(entry[0]),
    ),
  );
  const end = (column: string, label: string, match: 'id' | 'caption') => ({
    column,
    ...(label.trim() ? { label: label.trim() } : {}),
    match,
    captionKey: 'name',
  });
  return {
    ...(form.kind === 'nodes'
      ? {
          nodes: {
            labels: splitNames(form.labels),
            id: form.idPart ? idColumns(form) : form.id,
            ...(form.caption ? { caption: form.caption } : {}),
          },
        }
      : {
          relationships: {
            type: form.type.trim(),
            from: end(form.from, form.fromLabel, form.fromMatch),
            to: end(form.to, form.toLabel, form.toMatch),
          },
        }),
    properties,
    keys: {},
    ...(form.start || form.end
      ? { dating: { ...(form.start ? { start: form.start } : {}), ...(form.end ? { end: form.end } : {}) } }
      : {}),
    ...(form.sourceColumn
      ? { source: { column: form.sourceColumn } }
      : form.sourceConstant.trim()
        ? { source: { constant: form.sourceConstant.trim() } }
        : {}),
  };
}

export function initialForm(preview: Preview): Form {
  const pick = (pattern: RegExp) => preview.columns.find((column) => pattern.test(column)) ?? '';
  return {
    kind: pick(/^(from|source_id|start)$/i) ? 'relationships' : 'nodes',
    labels: '',
    id: pick(/^(id|code|key)$/i) || (preview.columns[0] ?? ''),
    idPart: '',
    idRest: [],
    caption: pick(/^(name|title|label)$/i),
    type: '',
    from: pick(/^from/i),
    fromLabel: '',
    fromMatch: 'id',
    to: pick(/^to/i),
    toLabel: '',
    toMatch: 'id',
    start: pick(/^(since|start|from_date|begin)/i),
    end: pick(/^(until|end|to_date)/i),
    sourceColumn: pick(/^(source|sources|cited?)$/i),
    sourceConstant: '',
    properties: Object.fromEntries(
      preview.columns.map((column) => [column, guessType(preview.rows.map((row) => row[column] ?? ''))]),
    ),
  };
}

/** The form that shows a saved mapping on this file's columns (the inverse of mappingOf). */
export function formOf(mapping: Mapping, preview: Preview): Form {
  const guessed = initialForm(preview);
  const nodes = mapping.nodes;
  const relationships = mapping.relationships;
  const ids = nodes ? (Array.isArray(nodes.id) ? nodes.id : [nodes.id]) : [];
  const form: Form = {
    ...guessed,
    kind: relationships ? 'relationships' : 'nodes',
    labels: nodes?.labels.join(', ') ?? '',
    id: ids[0] ?? '',
    idPart: ids[1] ?? '',
    idRest: ids.slice(2),
    caption: nodes?.caption ?? '',
    type: relationships?.type ?? '',
    from: relationships?.from.column ?? '',
    fromLabel: relationships?.from.label ?? '',
    fromMatch: relationships?.from.match ?? 'id',
    to: relationships?.to.column ?? '',
    toLabel: relationships?.to.label ?? '',
    toMatch: relationships?.to.match ?? 'id',
    start: mapping.dating?.start ?? '',
    end: mapping.dating?.end ?? '',
    sourceColumn: mapping.source?.column ?? '',
    sourceConstant: mapping.source?.constant ?? '',
  };
  const used = columnsUsed(form);
  form.properties = Object.fromEntries(
    preview.columns.map((column) => [
      column,
      mapping.properties[column] ?? (used.has(column) ? (guessed.properties[column] ?? 'text') : 'skip'),
    ]),
  );
  return form;
}
