import type { Graph } from '../api/api';
import { own } from '../app/records';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return first). */
const formula = /^[=+\-@\t\r]/;

function csvCell(value: unknown): string {
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : value === undefined || value === null
        ? ''
        : JSON.stringify(value);
  // Text read as a formula is neutralised with a leading apostrophe (numbers such as -5 stay numbers).
  const safe = typeof value === 'string' && formula.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of a CSV file: fixed columns first, then every property key found. */
export function toCsv(rows: { fixed: Record<string, unknown>; properties: Record<string, unknown> }[]): string {
  const fixed = Object.keys(rows[0]?.fixed ?? {});
  // A property named like a fixed column (nodes carry their `id` as a property too) is that column.
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row.properties)))]
    .filter((key) => !fixed.includes(key))
    .sort();
  const lines = [[...fixed, ...keys].map(csvCell).join(',')];
  for (const row of rows)
    lines.push(
      [...fixed.map((key) => row.fixed[key]), ...keys.map((key) => own(row.properties, key))].map(csvCell).join(','),
    );
  return lines.join('\n') + '\n';
}

/** Any value as a JSON file the browser downloads. */
export function exportJsonFile(name: string, content: unknown) {
  download(name, new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' }));
}

export function exportJson(graph: Graph) {
  exportJsonFile('entente-graph.json', graph);
}

export function exportCsv(graph: Graph) {
  download(
    'entente-nodes.csv',
    new Blob(
      [
        toCsv(
          graph.nodes.map((node) => ({
            fixed: { id: node.id, labels: node.labels.join(';'), caption: node.caption },
            properties: node.properties,
          })),
        ),
      ],
      { type: 'text/csv' },
    ),
  );
  download(
    'entente-edges.csv',
    new Blob(
      [
        toCsv(
          graph.edges.map((edge) => ({
            fixed: { id: edge.id, type: edge.type, source: edge.source, target: edge.target },
            properties: edge.properties,
          })),
        ),
      ],
      { type: 'text/csv' },
    ),
  );
}

/** The longest side of an exported PNG: the whole of a 4,456-node canvas was 16,000 px square (35 MB). */
export const maxPngSide = 4096;

/** The size a picture of `width` × `height` is saved at: scaled down to `maxPngSide` on its longer side. */
export function pngSize(width: number, height: number): { width: number; height: number; reduced: boolean } {
  const scale = Math.min(1, maxPngSide / Math.max(width, height, 1));
  if (scale === 1) return { width, height, reduced: false };
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    reduced: true,
  };
}

/** Saves the canvas picture, scaled down to `maxPngSide` if larger; answers its size before and after. */
export async function exportPng(png: Blob) {
  const bitmap = await createImageBitmap(png);
  const drawn = { width: bitmap.width, height: bitmap.height };
  const saved = pngSize(drawn.width, drawn.height);
  if (!saved.reduced) {
    bitmap.close();
    download('entente-graph.png', png);
    return { drawn, saved };
  }
  const canvas = new OffscreenCanvas(saved.width, saved.height);
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, saved.width, saved.height);
  bitmap.close();
  download('entente-graph.png', await canvas.convertToBlob({ type: 'image/png' }));
  return { drawn, saved };
}

/** A file the server wrote (POST /api/export), saved under Entente's name for it. */
export function exportGraphFile(blob: Blob, format: 'graphml' | 'gexf') {
  download(`entente-graph.${format}`, blob);
}

export function exportSvg(svg: string) {
  download('entente-graph.svg', new Blob([svg], { type: 'image/svg+xml' }));
}
