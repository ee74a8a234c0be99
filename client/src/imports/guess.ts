import type { ImportMapping as Mapping } from '../api/api';
import Papa from 'papaparse';

export type PropertyType = Mapping['properties'][string];

export interface Preview {
  columns: string[];
  rows: Record<string, string>[];
  delimiter: string;
}

/** The first rows of a table file, read in the browser from its first 64 KB, for the mapping step. */
export async function previewFile(file: File): Promise<Preview> {
  const text = await file.slice(0, 64 * 1024).text();
  const parsed = Papa.parse<string[]>(text, { preview: 21, skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const columns = header.map((name) => name.trim());
  return {
    columns,
    rows: rows
      .filter((row) => row.length === columns.length)
      .map((row) => Object.fromEntries(columns.map((column, index) => [column, row[index] ?? '']))),
    delimiter: parsed.meta.delimiter,
  };
}

const tests: [PropertyType, RegExp][] = [
  ['integer', /^[+-]?\d+$/],
  ['float', /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/],
  ['boolean', /^(true|false|yes|no)$/i],
  ['date', /^(\d{4}(-\d{2}(-\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{4})$/],
  ['datetime', /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/],
];

/** A column's type guessed from its non-empty values in the preview: the first type all of them fit, else text. */
export function guessType(values: string[]): PropertyType {
  const filled = values.map((value) => value.trim()).filter(Boolean);
  if (!filled.length) return 'text';
  for (const [type, pattern] of tests) if (filled.every((value) => pattern.test(value))) return type;
  if (filled.some((value) => value.includes(';'))) return 'list';
  return 'text';
}

/** The format the server will read the file as, from its name. */
export function formatOfName(name: string): 'table' | 'graph' | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'table';
  if (extension === 'graphml' || extension === 'gexf' || extension === 'json') return 'graph';
  return undefined;
}
