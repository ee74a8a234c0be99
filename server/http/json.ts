import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { limitWriteStall } from './connections.js';

/** Characters JSON.stringify writes as they are: printable ASCII other than `"` and `\`. */
const plainAscii = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** UTF-8 bytes of a string as JSON.stringify writes it, quotes and escapes included. */
export function jsonStringBytes(text: string): number {
  if (plainAscii.test(text)) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    // \b \t \n \f \r have short escapes; other control characters become \u00XX.
    else if (code < 0x20) bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    }
    // A lone surrogate is written as \uXXXX.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}

/**
 * UTF-8 bytes of a JSON value (plain data: what the API answers) as JSON.stringify writes it, counted
 * without building the text and without recursion; the count stops once it passes `budget`.
 */
export function jsonBytes(value: unknown, budget = Infinity): number {
  let bytes = 0;
  const pending: unknown[] = [value];
  while (pending.length && bytes <= budget) {
    const item = pending.pop();
    if (typeof item === 'string') bytes += jsonStringBytes(item);
    else if (Array.isArray(item)) {
      // Brackets and commas; undefined elements are written as null.
      bytes += 2 + Math.max(0, item.length - 1);
      for (const element of item) pending.push(element === undefined ? null : element);
    } else if (item && typeof item === 'object') {
      const entries = Object.entries(item).filter(([, entry]) => entry !== undefined);
      bytes += 2 + Math.max(0, entries.length - 1);
      for (const [key, entry] of entries) {
        bytes += jsonStringBytes(key) + 1;
        pending.push(entry);
      }
    } else bytes += (JSON.stringify(item) ?? 'null').length;
  }
  return bytes;
}

type Frame = { items: unknown[]; index: number } | { entries: [string, unknown][]; index: number };

const unwritable = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * The JSON text of a value in pieces of about `size` characters, as JSON.stringify would write it whole,
 * walked without recursion. Only the piece being written is held as text, never the whole answer.
 */
export function* jsonChunks(value: unknown, size = 64 * 1024): Generator<string> {
  let out = '';
  const stack: Frame[] = [];
  let next: unknown = value;
  let hasNext = true;
  for (;;) {
    if (hasNext) {
      hasNext = false;
      let item = next;
      if (item && typeof (item as { toJSON?: unknown }).toJSON === 'function') {
        item = (item as { toJSON: () => unknown }).toJSON();
      }
      if (Array.isArray(item)) {
        out += '[';
        stack.push({ items: item, index: 0 });
      } else if (item && typeof item === 'object') {
        out += '{';
        stack.push({ entries: Object.entries(item).filter(([, entry]) => !unwritable(entry)), index: 0 });
      } else out += JSON.stringify(item) ?? 'null';
    }
    if (out.length >= size) {
      yield out;
      out = '';
    }
    const top = stack.at(-1);
    if (!top) break;
    if ('items' in top) {
      if (top.index < top.items.length) {
        if (top.index > 0) out += ',';
        const item = top.items[top.index++];
        next = unwritable(item) ? null : item;
        hasNext = true;
      } else {
        out += ']';
        stack.pop();
      }
    } else if (top.index < top.entries.length) {
      if (top.index > 0) out += ',';
      const [key, item] = top.entries[top.index++]!;
      out += `${JSON.stringify(key)}:`;
      next = item;
      hasNext = true;
    } else {
      out += '}';
      stack.pop();
    }
  }
  if (out) yield out;
}

/** Answers up to this size are sent whole (with Content-Length), larger ones piece by piece. */
const wholeBodyChars = 1024 * 1024;

/** A strong validator of a body: its SHA-256, in base64url, quoted. */
function strongEtag(pieces: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return `"${hash.digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header holds `etag`: `*`, or a comma-separated list of entity tags compared
 * weakly (a `W/` prefix ignored), as RFC 9110 §13.1.2 asks. Evaluated whatever the request's Cache-Control
 * says (the `fresh` package Express uses answers false to `no-cache`, which fetch() adds to any request
 * carrying If-None-Match); that directive is addressed to caches, not to the origin.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque);
}

/** Sets the validator headers of a cacheable read: its ETag, Cache-Control and Vary. */
function setValidators(res: Response, etag: string): void {
  res.set({ ETag: etag, 'Cache-Control': 'private, no-cache' });
  res.vary('Authorization').vary('Cookie');
}

/** Answers 304 without a body, with the validator headers of `etag` (which the request's If-None-Match holds). */
export function sendNotModified(res: Response, etag: string): void {
  setValidators(res, etag);
  res.status(304).end();
}

/**
 * The ETag of a read whose answer depends only on the graph, the request and who asks, known before the
 * read runs: a hash of the graph's state (its version, which every committed write changes, and what the
 * catalog holds: see app.ts), the method-independent request (path and query string), the caller's role and
 * scopes, and `instance` (this process: a restart or a new release answers afresh). Strong: for one such
 * key, the route answers the same records in the same order.
 */
export function requestEtag(parts: {
  graphVersion: string;
  url: string;
  role: string;
  scopes: Iterable<string>;
  instance: string;
}): string {
  const hash = createHash('sha256');
  for (const part of [parts.instance, parts.graphVersion, parts.url, parts.role, ...[...parts.scopes].sort()]) {
    hash.update(part).update('\u0000');
  }
  return `"g${hash.digest('base64url')}"`;
}

/**
 * Sends a JSON answer. A small one goes whole; a large one is written piece by piece as the client reads
 * it, so the process never holds its whole text; a client that stops reading holds the answer only until
 * the write idle timeout closes its connection (http/connections.ts).
 *
 * A successful GET (or HEAD) carries a strong ETag, `Cache-Control: private, no-cache` (a browser or
 * client may keep it but must revalidate; no shared cache may) and `Vary: Authorization, Cookie` (answers
 * depend on who asks). The ETag is `etag` when the route has one before it ran (a graph read: see
 * `requestEtag`), otherwise the hash of the body (a large body is serialised once to hash it, piece by
 * piece, then again to send it). A request whose If-None-Match holds that ETag is answered 304 without a body.
 */
export async function sendJson(res: Response, status: number, value: unknown, etag?: string): Promise<void> {
  const chunks = jsonChunks(value, wholeBodyChars);
  const first = chunks.next();
  const second = first.done ? first : chunks.next();
  res.once('finish', limitWriteStall(res.socket));
  res.status(status).type('application/json');
  const method = res.req.method;
  if (status === 200 && (method === 'GET' || method === 'HEAD')) {
    const tag =
      etag ?? strongEtag(second.done ? [first.done ? 'null' : first.value] : jsonChunks(value, wholeBodyChars));
    if (matchesIfNoneMatch(res.req.get('If-None-Match'), tag)) return sendNotModified(res, tag);
    setValidators(res, tag);
  }
  if (second.done) {
    res.send(first.done ? 'null' : first.value);
    return;
  }
  if (method === 'HEAD') {
    res.end();
    return;
  }
  const pieces = (function* () {
    yield first.value as string;
    yield second.value;
    yield* chunks;
  })();
  try {
    await pipeline(Readable.from(pieces, { objectMode: false }), res);
  } catch {
    // The client went away or the connection timed out: there is no one left to answer.
  }
}
