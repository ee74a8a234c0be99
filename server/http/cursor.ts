import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ProblemError } from './problem.js';

extendZodWithOpenApi(z);

/**
 * Keyset cursors for every paged route: `next` names the last item of a page, and the page after it starts
 * just past that position, so items added or removed elsewhere in the list never shift the walk.
 *
 * A cursor is opaque (base64url of the position) and checked: it carries a hash of the route's name, a
 * scope (what the walk is over, e.g. a node and its filters) and the position, so that a cursor edited by
 * hand, cut short, or given to another route or another walk is a 400 naming `cursor`. It is not secret:
 * a forged position grants nothing a caller could not reach by paging.
 */
export interface CursorCodec<P> {
  encode(position: P, scope?: string): string;
  /** The position a cursor names, or a 400 problem naming `query.cursor`. */
  decode(cursor: string, scope?: string): P;
}

const checkLength = 12;

function check(name: string, scope: string, payload: string): string {
  return createHash('sha256').update(`${name}\u0000${scope}\u0000${payload}`).digest('base64url').slice(0, checkLength);
}

/** Not a cursor this walk gave: the one problem every paged route answers for a bad `cursor`. */
export function badCursor(): ProblemError {
  return ProblemError.badRequest('query.cursor: not a cursor this route gave (pass `next` back unchanged)', [
    { location: 'query.cursor', message: 'not a cursor this route gave (pass `next` back unchanged)' },
  ]);
}

/** A codec for the positions `position` describes, for the route called `name`. */
export function cursorCodec<S extends z.ZodType>(name: string, position: S): CursorCodec<z.infer<S>> {
  return {
    encode(value, scope = '') {
      const payload = Buffer.from(JSON.stringify(position.parse(value))).toString('base64url');
      return `${payload}.${check(name, scope, payload)}`;
    },
    decode(cursor, scope = '') {
      const [payload, given, ...rest] = cursor.split('.');
      if (!payload || given === undefined || rest.length || given !== check(name, scope, payload)) throw badCursor();
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw badCursor();
      }
      const result = position.safeParse(parsed);
      if (!result.success) throw badCursor();
      return result.data;
    },
  };
}

/** The `cursor` query parameter of a paged route. */
export const cursorParam = z
  .string()
  .min(1)
  .max(1000)
  .openapi({
    description:
      'Where to start: the `next` of the page before, passed back unchanged. Absent: the first page. A ' +
      'cursor from another route or another set of filters, or one changed by hand, is a 400.',
  });

/** The `next` member of a paged answer. */
export const nextField = z.string().openapi({
  description:
    'The cursor of the page after this one (pass it as `cursor`); absent on the last page. A keyset position: ' +
    'items added or removed elsewhere while you page do not shift it.',
});

/**
 * Cuts a page read with one row more than `limit` (the way every paged query here knows more follow):
 * the page, and `next` naming its last item when more follow.
 */
export function pageOf<T, P>(
  rows: T[],
  limit: number,
  positionOf: (last: T) => P,
  codec: CursorCodec<P>,
  scope?: string,
): { items: T[]; next?: string } {
  const items = rows.slice(0, limit);
  return rows.length > limit ? { items, next: codec.encode(positionOf(items.at(-1)!), scope) } : { items };
}
