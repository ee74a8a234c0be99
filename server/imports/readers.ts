import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import neo4j from 'neo4j-driver';
import Papa from 'papaparse';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { exportNamespace } from '../export/formats.js';
import type { Format } from './mapping.js';

/** What a reader yields: a table row, a node or edge of a graph-shaped file, or a row it could not read. */
export type SourceRecord =
  | { kind: 'row'; line: number; values: Record<string, unknown> }
  | { kind: 'node'; line: number; id: string; labels: string[]; properties: Record<string, unknown> }
  | {
      kind: 'edge';
      line: number;
      id?: string;
      source: string;
      target: string;
      type?: string;
      properties: Record<string, unknown>;
    }
  | { kind: 'error'; line: number; reason: string };

export type Encoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'latin-1';

/** A file that cannot be read at all (before any row): the route answers 400 with `reason`. */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}

/** How much of a file's head encoding and delimiter detection read. */
const headBytes = 64 * 1024;

async function head(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(headBytes);
    const { bytesRead } = await file.read(buffer, 0, headBytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * A text file's encoding from its head: a byte-order mark, else UTF-8 when its bytes are valid UTF-8 (a
 * sequence cut at the end of the head allowed), else Latin-1 (Windows-1252, what spreadsheets write).
 */
export async function detectEncoding(path: string): Promise<Encoding> {
  const bytes = await head(path);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8 with BOM';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return 'utf-8';
  } catch {
    return 'latin-1';
  }
}

/** Decodes a byte stream to text in `encoding` (a BOM dropped); bytes not valid there become U+FFFD. */
function decoder(encoding: Encoding): Transform {
  const text = new TextDecoder(
    encoding === 'latin-1' ? 'windows-1252' : encoding.startsWith('utf-8') ? 'utf-8' : encoding,
  );
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      const rest = text.decode();
      done(null, rest || undefined);
    },
  });
}

/** Counts bytes read from a file, for progress. */
export interface ByteCounter {
  bytes: number;
}

/**
 * An async queue fed by a push parser: the reader pauses the parser when `limit` records wait, and the
 * consumer resumes it, so a file of any size streams through in bounded memory.
 */
class RecordQueue {
  private items: SourceRecord[] = [];
  private done = false;
  private failure?: Error;
  private wake?: () => void;

  constructor(
    private readonly limit: number,
    private readonly pause: () => void,
    private readonly resume: () => void,
  ) {}

  push(record: SourceRecord) {
    this.items.push(record);
    if (this.items.length === this.limit) this.pause();
    this.wake?.();
  }

  end(error?: Error) {
    this.done = true;
    this.failure = error;
    this.wake?.();
  }

  async *drain(): AsyncGenerator<SourceRecord> {
    for (;;) {
      if (this.items.length) {
        const batch = this.items;
        this.items = [];
        if (batch.length >= this.limit) this.resume();
        yield* batch;
        continue;
      }
      if (this.done) {
        if (this.failure) throw this.failure;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}

function fileStream(path: string, counter: ByteCounter) {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  stream.on('data', (chunk) => (counter.bytes += chunk.length));
  return stream;
}

const replacementCharacter = '\uFFFD';

/**
 * UTF-8's multi-byte sequences as a file read as Latin-1 (windows-1252) shows them: a lead byte (C2–F4) and
 * the continuation bytes (80–BF) it calls for, each decoded as windows-1252 does (so `é` in UTF-8 reads `Ã©`).
 * Latin-1 text hardly ever holds such runs; a row that does is UTF-8 in a file otherwise Latin-1.
 */
const utf8AsLatin1 = (() => {
  // 80–BF: windows-1252's characters for 80–9F (the undefined five read as the C1 controls), and A0–BF as is.
  const windows1252 = '\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D';
  const more = `[\u0080-\u00BF${windows1252}\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]`;
  // Two-byte sequences only from the leads of Latin letters (Â, Ã), Greek (Î, Ï) and Cyrillic (Ð, Ñ):
  // Latin-1 text puts other capitals before a symbol often enough (`«CAFÉ»`, `Gruß’`, `3×²`).
  return new RegExp(
    `[\u00C2\u00C3\u00CE\u00CF\u00D0\u00D1]${more}|[\u00E0-\u00EF]${more}{2}|[\u00F0-\u00F4]${more}{3}`,
  );
})();

/**
 * CSV and TSV rows, streamed through papaparse: the first row names the columns; a row with more or fewer
 * fields than the header, a field with bytes that are not valid in the file's encoding (a file of mixed
 * encodings) or an unclosed quote (a truncated file) is an error row with its line.
 */
export async function* readTable(
  path: string,
  options: { delimiter?: string; encoding: Encoding; counter: ByteCounter },
): AsyncGenerator<SourceRecord> {
  let header: string[] | undefined;
  let line = 1;
  // Back-pressure on the decoded text stream, not on papaparse (whose pause and resume re-slice its chunk).
  const text = fileStream(path, options.counter).pipe(decoder(options.encoding));
  const queue = new RecordQueue(
    5_000,
    () => text.pause(),
    () => text.resume(),
  );
  Papa.parse<string[]>(text as unknown as NodeJS.ReadableStream, {
    delimiter: options.delimiter ?? '',
    skipEmptyLines: 'greedy',
    step(results) {
      const fields = results.data;
      const rowLine = line;
      line += 1 + fields.reduce((newlines, field) => newlines + (field.match(/\n/g)?.length ?? 0), 0);
      const unclosed = results.errors.find((error) => error.code === 'MissingQuotes');
      if (unclosed) {
        queue.push({ kind: 'error', line: rowLine, reason: 'a quoted field is never closed (a truncated file?)' });
        return;
      }
      if (!header) {
        header = fields.map((field) => field.trim());
        const seen = new Set<string>();
        for (const name of header) {
          if (seen.has(name)) queue.end(new UnreadableFile(`the header names the column "${name}" twice`));
          seen.add(name);
        }
        return;
      }
      if (options.encoding === 'latin-1' && fields.some((field) => utf8AsLatin1.test(field))) {
        queue.push({
          kind: 'error',
          line: rowLine,
          reason: 'UTF-8 text in a file read as Latin-1 (a file of mixed encodings?)',
        });
        return;
      }
      if (fields.some((field) => field.includes(replacementCharacter))) {
        queue.push({
          kind: 'error',
          line: rowLine,
          reason: `bytes that are not valid ${options.encoding} (a file of mixed encodings?)`,
        });
        return;
      }
      if (fields.length !== header.length) {
        queue.push({
          kind: 'error',
          line: rowLine,
          reason: `${fields.length} fields where the header has ${header.length} (a ragged row)`,
        });
        return;
      }
      const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      header.forEach((name, index) => (values[name] = fields[index]));
      queue.push({ kind: 'row', line: rowLine, values });
    },
    complete: () => queue.end(),
    error: (error: Error) => queue.end(error),
  });
  yield* queue.drain();
  if (!header) throw new UnreadableFile('the file has no header row');
}

/** The column names of a table file, and a few rows: the explorer's preview. */
export async function previewTable(path: string, encoding: Encoding, delimiter?: string, rows = 20) {
  const preview: Record<string, unknown>[] = [];
  for await (const record of readTable(path, { encoding, delimiter, counter: { bytes: 0 } })) {
    if (record.kind === 'row') preview.push(record.values);
    if (preview.length >= rows) break;
  }
  return preview;
}

/** A string or number as text; anything else is no value. */
function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** JSON files are parsed whole: at most this large. */
export const maxJsonBytes = 256 * 1024 * 1024;

/**
 * JSON: an array of records (table rows, numbered from 1), or `{nodes, edges}` in the API's Graph shape
 * (`Node = {id, labels, properties}`, `Edge = {id, type, source, target, properties}`).
 */
export async function* readJson(path: string, counter: ByteCounter): AsyncGenerator<SourceRecord> {
  const { size } = await stat(path);
  if (size > maxJsonBytes) throw new UnreadableFile(`a JSON file is read whole: at most ${maxJsonBytes} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of fileStream(path, counter)) chunks.push(chunk as Buffer);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(Buffer.concat(chunks)));
  } catch (error) {
    throw new UnreadableFile(`not valid JSON (${(error as Error).message}; a truncated file?)`);
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        yield {
          kind: 'row',
          line: index + 1,
          values: Object.assign(Object.create(null) as Record<string, unknown>, item as Record<string, unknown>),
        };
      } else yield { kind: 'error', line: index + 1, reason: 'not an object of column values' };
    }
    return;
  }
  const graph = value as { nodes?: unknown; edges?: unknown };
  if (!graph || typeof graph !== 'object' || !Array.isArray(graph.nodes)) {
    throw new UnreadableFile('JSON must be an array of records or a Graph {nodes, edges}');
  }
  for (const [index, item] of graph.nodes.entries()) {
    const node = item as { id?: unknown; labels?: unknown; properties?: unknown };
    const line = index + 1;
    if (!node || (typeof node.id !== 'string' && typeof node.id !== 'number')) {
      yield { kind: 'error', line, reason: 'a node needs an id (a string or number)' };
      continue;
    }
    const labels = Array.isArray(node.labels) ? node.labels.filter((label) => typeof label === 'string') : [];
    const properties = node.properties && typeof node.properties === 'object' ? node.properties : {};
    yield { kind: 'node', line, id: String(node.id), labels, properties: { ...properties } };
  }
  for (const [index, item] of (Array.isArray(graph.edges) ? graph.edges : []).entries()) {
    const edge = item as { id?: unknown; type?: unknown; source?: unknown; target?: unknown; properties?: unknown };
    const line = graph.nodes.length + index + 1;
    const source = scalarText(edge?.source);
    const target = scalarText(edge?.target);
    if (source === undefined || target === undefined) {
      yield { kind: 'error', line, reason: 'an edge needs a source and a target (node ids)' };
      continue;
    }
    yield {
      kind: 'edge',
      line,
      id: scalarText(edge.id),
      source,
      target,
      type: typeof edge.type === 'string' ? edge.type : undefined,
      properties: { ...(edge.properties && typeof edge.properties === 'object' ? edge.properties : {}) },
    };
  }
}

/** An XML file with a DOCTYPE (where entities, external or expanding, are declared): refused before reading. */
export class RefusedXml extends UnreadableFile {
  override name = 'RefusedXml';
}

function xmlParser(onDoctype: () => void) {
  // saxes knows only XML's five predefined entities and never reads anything from disk or network; a
  // DOCTYPE, where entities would be declared, is refused outright.
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('doctype', onDoctype);
  return parser;
}

const doctypeRefused = 'a DOCTYPE is refused (entities, external or expanding, are never read)';

/**
 * Reads an XML file up to its first element: a DOCTYPE there is refused (before anything is imported), as
 * is text that is not XML.
 */
export async function checkXmlProlog(path: string): Promise<void> {
  let refused = false;
  let started = false;
  const parser = xmlParser(() => (refused = true));
  parser.on('opentag', () => (started = true));
  const text = new TextDecoder('utf-8').decode(await head(path));
  try {
    for (let start = 0; start < text.length && !started && !refused; start += 1024) {
      parser.write(text.slice(start, start + 1024));
    }
  } catch (error) {
    if (!refused) throw new UnreadableFile(`not valid XML: ${(error as Error).message}`);
  }
  if (refused) throw new RefusedXml(doctypeRefused);
  if (!started) {
    if (text.length >= headBytes - 4) throw new UnreadableFile('no element in the first 64 KB');
    throw new UnreadableFile('not an XML document (no element)');
  }
}

/** A declared attribute; `derived` and `date` come from Entente's own exports (see `ententeExport`). */
type Attribute = { name: string; type: string; for: string; derived?: boolean; date?: boolean };

/**
 * An attribute's name and value as a property, or undefined to leave it out. In a file Entente exported
 * (its root declares `exportNamespace`), attributes Entente derived from the others are left out, dates are
 * dates again and `property.<key>` (a key an attribute of Entente's took) is `<key>` again.
 */
function propertyOf(attribute: Attribute | undefined, key: string, text: string, ententeExport: boolean) {
  if (!ententeExport) {
    return { name: attribute?.name ?? key, renamed: false, value: typedValue(text, attribute?.type ?? 'string') };
  }
  if (attribute?.derived) return undefined;
  const given = attribute?.name ?? key;
  const name = given.replace(/^property\./, '');
  // A renamed property is set after the labels and type are taken out: `property.type` is a property, not
  // the edge's type.
  const renamed = name !== given;
  const day = attribute?.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim()) : null;
  if (day) return { name, renamed, value: new neo4j.types.Date(Number(day[1]), Number(day[2]), Number(day[3])) };
  return { name, renamed, value: typedValue(text, attribute?.type ?? 'string') };
}

function typedValue(text: string, type: string): unknown {
  const value = text.trim();
  switch (type.toLowerCase()) {
    case 'int':
    case 'long':
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? BigInt(value) : text;
    case 'float':
    case 'double':
      return Number.isFinite(Number(value)) && value !== '' ? Number(value) : text;
    case 'boolean': {
      const lower = value.toLowerCase();
      return lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : text;
    }
    default:
      return text;
  }
}

/**
 * GraphML (NetworkX, yEd, igraph, Gephi) and GEXF (Gephi), streamed through saxes: nodes with their typed
 * attributes, edges by their end nodes' ids. GraphML's `labels` attribute (`:A:B`, as Neo4j's tools write)
 * gives labels; GEXF's `label` becomes `name`, its `start` and `end` a fact's dates. A file Entente exported
 * reads back as it was written from (see `propertyOf`).
 */
export async function* readXml(path: string, format: Format, counter: ByteCounter): AsyncGenerator<SourceRecord> {
  const stream = fileStream(path, counter).pipe(decoder('utf-8'));
  const queue = new RecordQueue(
    2_000,
    () => stream.pause(),
    () => stream.resume(),
  );
  let failed = false;
  const fail = (error: Error) => {
    if (failed) return;
    failed = true;
    queue.push({
      kind: 'error',
      line: parser.line,
      reason: error instanceof RefusedXml ? error.message : `the XML stops being readable: ${error.message}`,
    });
    queue.end(error instanceof RefusedXml ? error : undefined);
    stream.destroy();
  };
  const parser: SaxesParser = xmlParser(() => fail(new RefusedXml(doctypeRefused)));
  const attributes = new Map<string, Attribute>();
  let element:
    | {
        kind: 'node' | 'edge';
        line: number;
        attrs: Record<string, string>;
        properties: Record<string, unknown>;
        /** Properties under a key one of Entente's own attributes took (see `propertyOf`). */
        renamed: Record<string, unknown>;
      }
    | undefined;
  let dataKey: string | undefined;
  let dataText = '';
  let defaultDirected = true;
  let ententeExport = false;
  const extensions = (attrs: Record<string, string>) => ({
    derived: attrs['entente:derived'] === 'true',
    date: attrs['entente:type'] === 'date',
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attrs = tag.attributes as Record<string, string>;
    const line = parser.line;
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'graphml' || name === 'gexf') ententeExport = attrs['xmlns:entente'] === exportNamespace;
    if (format === 'graphml') {
      if (name === 'key' && attrs.id) {
        attributes.set(attrs.id, {
          name: attrs['attr.name'] ?? attrs.id,
          type: attrs['attr.type'] ?? 'string',
          for: attrs.for ?? 'all',
          ...extensions(attrs),
        });
      } else if (name === 'graph') defaultDirected = attrs.edgedefault !== 'undirected';
      else if (name === 'node' || name === 'edge') element = { kind: name, line, attrs, properties: {}, renamed: {} };
      else if (name === 'data' && element) {
        dataKey = attrs.key;
        dataText = '';
      }
    } else {
      if (name === 'attribute' && attrs.id) {
        attributes.set(attrs.id, {
          name: attrs.title ?? attrs.id,
          type: attrs.type ?? 'string',
          for: 'all',
          ...extensions(attrs),
        });
      } else if (name === 'graph') defaultDirected = attrs.defaultedgetype !== 'undirected';
      else if (name === 'node' || name === 'edge') {
        const properties: Record<string, unknown> = {};
        if (name === 'edge' && attrs.weight !== undefined) properties.weight = typedValue(attrs.weight, 'double');
        // Entente's own export writes label, start and end from properties the file also holds.
        if (!ententeExport) {
          if (name === 'node' && attrs.label !== undefined) properties.name = attrs.label;
          if (name === 'edge' && attrs.label !== undefined) properties.label = attrs.label;
          if (attrs.start !== undefined) properties._start = attrs.start;
          if (attrs.end !== undefined) properties._end = attrs.end;
        }
        element = { kind: name, line, attrs, properties, renamed: {} };
      } else if (name === 'attvalue' && element && attrs.for !== undefined) {
        const property = propertyOf(attributes.get(attrs.for), attrs.for, attrs.value ?? '', ententeExport);
        if (property) (property.renamed ? element.renamed : element.properties)[property.name] = property.value;
      }
    }
  });
  parser.on('text', (text) => {
    if (dataKey !== undefined) dataText += text;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.replace(/^.*:/, '');
    if (name === 'data' && element && dataKey !== undefined) {
      const property = propertyOf(attributes.get(dataKey), dataKey, dataText, ententeExport);
      if (property) (property.renamed ? element.renamed : element.properties)[property.name] = property.value;
      dataKey = undefined;
    } else if ((name === 'node' || name === 'edge') && element) {
      const { kind, line, attrs, properties, renamed } = element;
      element = undefined;
      if (kind === 'node') {
        if (!attrs.id) return queue.push({ kind: 'error', line, reason: 'a node without an id' });
        const labelText = typeof properties.labels === 'string' ? properties.labels : undefined;
        delete properties.labels;
        const labels = labelText ? labelText.split(':').filter(Boolean) : [];
        queue.push({ kind: 'node', line, id: attrs.id, labels, properties: { ...properties, ...renamed } });
      } else {
        if (!attrs.source || !attrs.target)
          return queue.push({ kind: 'error', line, reason: 'an edge needs a source and a target' });
        const type = typeof properties.type === 'string' ? properties.type : undefined;
        if (type !== undefined) delete properties.type;
        if (!defaultDirected || attrs.directed === 'false' || attrs.type === 'undirected') properties.directed = false;
        Object.assign(properties, renamed);
        queue.push({ kind: 'edge', line, id: attrs.id, source: attrs.source, target: attrs.target, type, properties });
      }
    }
  });
  parser.on('error', (error) => fail(error));
  stream.on('data', (chunk: string) => {
    if (failed) return;
    try {
      parser.write(chunk);
    } catch (error) {
      fail(error as Error);
    }
  });
  stream.on('end', () => {
    if (failed) return;
    try {
      parser.close();
      queue.end();
    } catch (error) {
      fail(error as Error);
    }
  });
  stream.on('error', (error) => queue.end(error));
  yield* queue.drain();
}
