import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { Readable } from 'node:stream';
import type { ExportEdge, ExportNode, ExportSource, PropertyType, PropertyTypes } from './export.queries.js';
import { escapeXml } from './xml.js';

export const exportFormats = {
  ndjson: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ndjson', typed: false },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', typed: true },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', typed: true },
  csv: { contentType: 'application/zip', extension: 'zip', typed: true },
} as const;

export type ExportFormat = keyof typeof exportFormats;

/** An export being written: the bytes, and how to stop everything behind them (Neo4j queries included). */
export interface RenderedExport {
  stream: Readable;
  close: () => void;
}

/** Text joined into pieces of about `size` characters: fewer, larger writes than one per record. */
async function* inPieces(texts: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let out = '';
  for await (const text of texts) {
    out += text;
    if (out.length >= size) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** A property's value as the text of a typed attribute, or undefined when it has none. */
export function attributeText(value: unknown, type: PropertyType): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    // The API writes non-finite floats as text; XML Schema spells them INF, -INF and NaN.
    if (type === 'double') return value === 'Infinity' ? 'INF' : value === '-Infinity' ? '-INF' : value;
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

interface Attribute<Item> {
  id: string;
  name: string;
  type: PropertyType;
  value(item: Item): unknown;
  /** Made from the item's properties (a caption, a date by the dating rule), not one of them. */
  derived?: boolean;
}

/**
 * A format's own attributes first (labels, type, since, until…), then one per property key. A property
 * whose key is one of the format's own names is written as `property.<key>`, so nothing is overwritten.
 */
function attributes<
  Item extends { node: { properties: Record<string, unknown> } } | { edge: { properties: Record<string, unknown> } },
>(
  prefix: string,
  own: Omit<Attribute<Item>, 'id'>[],
  properties: [string, PropertyType][],
  reserved: string[],
): Attribute<Item>[] {
  const taken = new Set([...own.map((attribute) => attribute.name), ...reserved]);
  const propertiesOf = (item: Item) => ('node' in item ? item.node.properties : item.edge.properties);
  return [
    ...own,
    ...properties.map(([key, type]) => ({
      // A key already spelled `property.…` is prefixed too, so that a reader strips exactly one prefix.
      name: taken.has(key) || key.startsWith('property.') ? `property.${key}` : key,
      type,
      value: (item: Item) => propertiesOf(item)[key],
    })),
  ].map((attribute, index) => ({ ...attribute, id: `${prefix}${index}` }));
}

const nodeOwn: Omit<Attribute<ExportNode>, 'id'>[] = [
  { name: 'labels', type: 'string', value: (item) => item.node.labels.map((label) => `:${label}`).join('') },
  { name: 'caption', type: 'string', value: (item) => item.node.caption, derived: true },
  { name: 'since', type: 'string', value: (item) => item.since, derived: true },
  { name: 'until', type: 'string', value: (item) => item.until, derived: true },
];
const edgeOwn: Omit<Attribute<ExportEdge>, 'id'>[] = [
  { name: 'type', type: 'string', value: (item) => item.edge.type },
  { name: 'since', type: 'string', value: (item) => item.since, derived: true },
  { name: 'until', type: 'string', value: (item) => item.until, derived: true },
];

/**
 * One `{"node": …}` line per node, then one `{"edge": …}` per relationship, read in batches and joined into
 * pieces of at least 64 KB: one generator step per batch and per piece, not per line (the per-record steps of
 * a chain of async generators were most of an export's time).
 */
async function* ndjson(source: ExportSource, size = 64 * 1024): AsyncGenerator<string> {
  let out = '';
  for await (const batch of source.nodeBatches(false)) {
    for (const { node } of batch) out += `{"node":${JSON.stringify(node)}}\n`;
    if (out.length >= size) {
      yield out;
      out = '';
    }
  }
  for await (const batch of source.edgeBatches(false)) {
    for (const { edge } of batch) out += `{"edge":${JSON.stringify(edge)}}\n`;
    if (out.length >= size) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

function dataElements<Item>(attributesOf: Attribute<Item>[], item: Item): string {
  let out = '';
  for (const attribute of attributesOf) {
    const text = attributeText(attribute.value(item), attribute.type);
    if (text !== undefined) out += `<data key="${attribute.id}">${escapeXml(text)}</data>`;
  }
  return out;
}

const graphmlTypes: Record<PropertyType, string> = {
  boolean: 'boolean',
  long: 'long',
  double: 'double',
  string: 'string',
  date: 'string',
};

/**
 * What Entente adds to a GraphML or GEXF file, in a namespace of its own that other readers (NetworkX, Gephi)
 * pass over, so that its own import reads an export back as it was (server/imports/readers.ts): which
 * declared attributes are Entente's, made from the rest (a caption, the dates by the dating rule; a property
 * whose key is taken by one is written as `property.<key>`), and which hold dates.
 */
export const exportNamespace = 'urn:entente:export';

function extension(attribute: { type: PropertyType; derived?: boolean }): string {
  return (
    (attribute.derived ? ' entente:derived="true"' : '') + (attribute.type === 'date' ? ' entente:type="date"' : '')
  );
}

async function* graphml(source: ExportSource, types: PropertyTypes): AsyncGenerator<string> {
  const nodeAttributes = attributes<ExportNode>('n', nodeOwn, types.nodes, []);
  const edgeAttributes = attributes<ExportEdge>('e', edgeOwn, types.edges, []);
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:entente="${exportNamespace}" ` +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
  );
  for (const [kind, list] of [
    ['node', nodeAttributes],
    ['edge', edgeAttributes],
  ] as const) {
    for (const attribute of list) {
      yield `<key id="${attribute.id}" for="${kind}" attr.name="${escapeXml(attribute.name)}" attr.type="${graphmlTypes[attribute.type]}"${extension(attribute)}/>\n`;
    }
  }
  yield '<graph id="entente" edgedefault="directed">\n';
  for await (const item of source.nodes(true)) {
    yield `<node id="${escapeXml(item.node.id)}">${dataElements(nodeAttributes, item)}</node>\n`;
  }
  for await (const item of source.edges(true)) {
    const { id, source: from, target } = item.edge;
    yield (
      `<edge id="${escapeXml(id)}" source="${escapeXml(from)}" target="${escapeXml(target)}">` +
      `${dataElements(edgeAttributes, item)}</edge>\n`
    );
  }
  yield '</graph>\n</graphml>\n';
}

const gexfTypes: Record<PropertyType, string> = {
  boolean: 'boolean',
  long: 'long',
  double: 'double',
  string: 'string',
  date: 'string',
};

function attributeValues<Item>(attributesOf: Attribute<Item>[], item: Item): string {
  let out = '';
  for (const attribute of attributesOf) {
    const text = attributeText(attribute.value(item), attribute.type);
    if (text !== undefined) out += `<attvalue for="${attribute.id}" value="${escapeXml(text)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

/** The day before an ISO day: GEXF's `end` is the last day a fact holds, Entente's `until` the first it does not. */
function dayBefore(day: string): string {
  // Years past 9999 or before 0 (Neo4j allows them) are written as they are rather than miscounted.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

const period = (since: string | null, until: string | null) =>
  (since ? ` start="${since}"` : '') + (until ? ` end="${dayBefore(until)}"` : '');

async function* gexf(source: ExportSource, types: PropertyTypes): AsyncGenerator<string> {
  // Since and until are GEXF's own start and end; the caption is the node's label, the type the edge's (and
  // an attribute, which Entente's import reads as the type: a label elsewhere is free text).
  const nodeAttributes = attributes<ExportNode>('n', [nodeOwn[0]!], types.nodes, ['label', 'start', 'end']);
  const edgeAttributes = attributes<ExportEdge>('e', [edgeOwn[0]!], types.edges, [
    'label',
    'start',
    'end',
    'id',
    'weight',
  ]);
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:entente="${exportNamespace}" version="1.2">\n` +
    '<meta><creator>Entente</creator></meta>\n' +
    '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n'
  );
  for (const [kind, list] of [
    ['node', nodeAttributes],
    ['edge', edgeAttributes],
  ] as const) {
    yield (
      `<attributes class="${kind}" mode="static">` +
      list
        .map(
          (attribute) =>
            `<attribute id="${attribute.id}" title="${escapeXml(attribute.name)}" type="${gexfTypes[attribute.type]}"${extension(attribute)}/>`,
        )
        .join('') +
      '</attributes>\n'
    );
  }
  yield '<nodes>\n';
  for await (const item of source.nodes(true)) {
    yield (
      `<node id="${escapeXml(item.node.id)}" label="${escapeXml(item.node.caption)}"${period(item.since, item.until)}>` +
      `${attributeValues(nodeAttributes, item)}</node>\n`
    );
  }
  yield '</nodes>\n<edges>\n';
  for await (const item of source.edges(true)) {
    const { id, type, source: from, target } = item.edge;
    yield (
      `<edge id="${escapeXml(id)}" source="${escapeXml(from)}" target="${escapeXml(target)}" ` +
      `label="${escapeXml(type)}"${period(item.since, item.until)}>${attributeValues(edgeAttributes, item)}</edge>\n`
    );
  }
  yield '</edges>\n</graph>\n</gexf>\n';
}

/** Cells a spreadsheet would run as a formula (=, +, -, @, tab, return first) start with an apostrophe. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

async function* csvRows<Item>(
  header: string[],
  items: AsyncIterable<Item>,
  cells: (item: Item) => unknown[],
): AsyncGenerator<string> {
  yield stringify([header.map(csvCell)]);
  for await (const item of items) yield stringify([cells(item).map(csvCell)]);
}

/** Property columns after a file's own: one named like an own column is `property.<key>`. */
function columnNames(own: string[], keys: string[]): string[] {
  return [...own, ...keys.map((key) => (own.includes(key) ? `property.${key}` : key))];
}

function csvZip(source: ExportSource, types: PropertyTypes): RenderedExport {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const nodeKeys = types.nodes.map(([key]) => key);
  const edgeKeys = types.edges.map(([key]) => key);
  const parts = [
    Readable.from(
      inPieces(
        csvRows(
          columnNames(['id', 'labels', 'caption', 'since', 'until'], nodeKeys),
          source.nodes(true),
          ({ node, since, until }) => [
            node.id,
            node.labels.join(';'),
            node.caption,
            since,
            until,
            ...nodeKeys.map((key) => node.properties[key]),
          ],
        ),
      ),
    ),
    Readable.from(
      inPieces(
        csvRows(
          columnNames(['id', 'type', 'source', 'target', 'since', 'until'], edgeKeys),
          source.edges(true),
          ({ edge, since, until }) => [
            edge.id,
            edge.type,
            edge.source,
            edge.target,
            since,
            until,
            ...edgeKeys.map((key) => edge.properties[key]),
          ],
        ),
      ),
    ),
  ];
  for (const part of parts) part.once('error', (error) => archive.destroy(error));
  archive.append(parts[0]!, { name: 'nodes.csv' });
  archive.append(parts[1]!, { name: 'relationships.csv' });
  // Errors reach the reader of `archive` (its 'error' event); the promise would only report them again.
  archive.finalize().catch(() => undefined);
  return {
    stream: archive,
    close: () => {
      for (const part of parts) part.destroy();
      archive.destroy();
    },
  };
}

/**
 * An export in a format. Typed formats read the property keys and their types first (one aggregating query
 * each for nodes and relationships), so that a failure there is still an error answer, not a cut file.
 */
export async function renderExport(format: ExportFormat, source: ExportSource): Promise<RenderedExport> {
  const types = exportFormats[format].typed ? await source.propertyTypes() : { nodes: [], edges: [] };
  if (format === 'csv') return csvZip(source, types);
  const pieces =
    format === 'ndjson'
      ? ndjson(source)
      : inPieces(format === 'graphml' ? graphml(source, types) : gexf(source, types));
  const stream = Readable.from(pieces);
  return { stream, close: () => stream.destroy() };
}
