import { randomInt } from 'node:crypto';
import type { Delta } from 'jsondiffpatch';
import type { Caller } from '../accounts/caller.js';
import { audit } from '../audit/audit.queries.js';
import { z } from 'zod';
import { cursorCodec, pageOf } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import { loadSql, type Queryable, type Store } from '../store/store.js';
import type {
  Annotation,
  Investigation,
  InvestigationFile,
  InvestigationSummary,
  Share,
  View,
} from './investigations.schemas.js';
import { pointBack, pointToKept, type HeldMerged } from './repoint.js';
import { compareViews, rebuild, toStored, viewDelta, type StoredView } from './view-history.js';

const sql = loadSql(
  'investigations/list',
  'investigations/get',
  'investigations/lock',
  'investigations/create',
  'investigations/update',
  'investigations/delete',
  'investigations/version-insert',
  'investigations/versions-list',
  'investigations/version-chain',
  'investigations/chain-size',
  'investigations/shares-list',
  'investigations/shares-clear',
  'investigations/share-insert',
  'investigations/link-set',
  'investigations/users-by-name',
  'investigations/known-set',
  'investigations/holding-lock',
  'annotations/list',
  'annotations/create',
  'annotations/lock',
  'annotations/update',
  'annotations/delete',
  'annotations/changed-between',
  'annotations/repoint',
  'annotations/point-back',
);

type Access = 'owner' | 'editor' | 'viewer';
type LinkAccess = 'none' | 'signed-in' | 'public';

interface InvestigationRow extends Record<string, unknown> {
  id: string;
  title: string;
  description: string;
  owner_id: string | null;
  owner: string | null;
  version: number;
  view?: View;
  node_count: number;
  link_access: LinkAccess;
  share_access: 'editor' | 'viewer' | null;
  known_relationships?: string[];
  created_at: Date;
  updated_at: Date;
  cursor_at?: string;
}

interface AnnotationRow extends Record<string, unknown> {
  id: string;
  target_kind: 'node' | 'relationship' | 'canvas';
  target_id: string | null;
  text: string;
  sources: string[];
  step: number | null;
  author_id: string | null;
  author: string;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow extends Record<string, unknown> {
  version: number;
  saved_at: Date;
  author: string;
  title: string;
  description: string;
  node_count: number;
  snapshot: StoredView | null;
  delta: Delta | null;
}

const idAlphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Eight characters from 32 (40 bits; no 0, 1, l or o to misread): short to say, too many to guess. */
function newId(): string {
  return Array.from({ length: 8 }, () => idAlphabet[randomInt(idAlphabet.length)]).join('');
}

function sameMembers(a: string[], b: string[]): boolean {
  const held = new Set(a);
  return a.length === b.length && b.every((id) => held.has(id));
}

const isAdmin = (caller: Caller) => caller.scopes.has('admin');

/** What the caller may do with an investigation, or nothing: then it does not exist for them (404). */
function accessOf(caller: Caller, row: InvestigationRow, publicLinks: boolean): Access | undefined {
  if (isAdmin(caller) || (caller.userId && row.owner_id === caller.userId)) return 'owner';
  if (row.share_access) return row.share_access;
  if (row.link_access === 'signed-in' && caller.userId) return 'viewer';
  if (row.link_access === 'public' && publicLinks) return 'viewer';
  return undefined;
}

function summaryOf(row: InvestigationRow, access: Access): InvestigationSummary {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    owner: row.owner,
    version: row.version,
    nodeCount: row.node_count,
    link: row.link_access,
    access,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function annotationOf(row: AnnotationRow, caller: Caller, access: Access): Annotation {
  return {
    id: row.id,
    target: row.target_kind === 'canvas' ? { kind: 'canvas' } : { kind: row.target_kind, id: row.target_id ?? '' },
    text: row.text,
    sources: row.sources,
    step: row.step,
    author: row.author,
    mine: access === 'owner' || (!!caller.userId && row.author_id === caller.userId),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const notFound = (id: string) => ProblemError.notFound(`No investigation "${id}" that you may open.`);
const readOnly = (id: string) =>
  new ProblemError(403, 'read-only-investigation', 'Read-only', `"${id}" is shared with you to read, not to change.`);
const notOwner = (id: string) =>
  new ProblemError(403, 'not-owner', 'Not the owner', `Only the owner of "${id}" or an admin may do this.`);

/** Investigations page newest first: a position is the last one's `updated_at` (as text, to the microsecond) and id. */
const cursors = cursorCodec(
  'investigations',
  z.tuple([z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/), z.string()]),
);

export interface ListOptions {
  q?: string;
  mine?: boolean;
  limit?: number;
  cursor?: string;
}

interface HoldingRow extends Record<string, unknown> {
  id: string;
  title: string;
  description: string;
  version: number;
  view: View;
  known_relationships: string[];
}

/** What a merge of nodes changed in one investigation (kept with the merge, for its undo). */
export interface InvestigationHeld extends HeldMerged {
  investigation: string;
  /** Its notes on the merged node, now on the kept one. */
  annotations: string[];
}

export interface Fields {
  title: string;
  description: string;
  view: View;
}

/**
 * A note's time from a file, as the store can keep it: a date JavaScript reads, in years 1 to 9999 (what
 * PostgreSQL and ISO text agree on), written in ISO form; anything else is the time of the import.
 */
function noteTime(text: string): string {
  const date = new Date(Date.parse(text));
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1 || year > 9999 ? new Date().toISOString() : date.toISOString();
}

/**
 * Investigations in Entente's store. Each save is a version (a full copy every `snapshotEvery`, deltas
 * between); a save made at an older version is refused. Access is decided here, for every read and write.
 */
export class InvestigationStore {
  constructor(
    private readonly store: Store,
    /** Whether an admin allows public read-only links (read per call: settings change at run time). */
    private readonly publicLinksAllowed: () => Promise<boolean>,
    /** The relationships among some nodes in the graph now, kept when the nodes saved change. */
    private readonly relationshipsAmong: (ids: string[]) => Promise<string[]>,
  ) {}

  async list(caller: Caller, options: ListOptions): Promise<{ items: InvestigationSummary[]; next?: string }> {
    const limit = options.limit ?? 50;
    // A cursor belongs to the list it came from: one from another search is refused, not misread.
    const scope = JSON.stringify([options.q?.trim() ?? null, options.mine ?? false]);
    const [cursorAt, cursorId] = options.cursor ? cursors.decode(options.cursor, scope) : [null, null];
    const rows = await this.store.rows<InvestigationRow>(sql['investigations/list'], [
      caller.userId ?? null,
      caller.role ?? null,
      isAdmin(caller),
      // Matched with LIKE: the user's % and _ are letters, not wildcards.
      options.q
        ?.trim()
        .toLowerCase()
        .replace(/[\\%_]/g, '\\$&') || null,
      options.mine ?? false,
      cursorAt,
      cursorId,
      limit + 1,
    ]);
    const { items, next } = pageOf(
      rows,
      limit,
      (last) => [last.cursor_at!, last.id] as [string, string],
      cursors,
      scope,
    );
    const publicLinks = await this.publicLinksAllowed();
    return {
      items: items.map((row) => summaryOf(row, accessOf(caller, row, publicLinks) ?? 'viewer')),
      ...(next ? { next } : {}),
    };
  }

  /** The investigation with the caller's access to it; 404 when they have none (ids cannot be probed). */
  private async find(
    db: Queryable,
    caller: Caller,
    id: string,
    withView = false,
  ): Promise<{ row: InvestigationRow; access: Access }> {
    const [row] = await db.rows<InvestigationRow>(sql['investigations/get'], [
      id,
      caller.userId ?? null,
      caller.role ?? null,
      withView,
    ]);
    const access = row && accessOf(caller, row, await this.publicLinksAllowed());
    if (!row || !access) throw notFound(id);
    return { row, access };
  }

  private async findToChange(db: Queryable, caller: Caller, id: string) {
    const found = await this.find(db, caller, id);
    if (found.access === 'viewer') throw readOnly(id);
    return found;
  }

  private async read(db: Queryable, caller: Caller, id: string): Promise<Investigation> {
    const { row, access } = await this.find(db, caller, id, true);
    return { ...summaryOf(row, access), view: row.view! };
  }

  private async summary(db: Queryable, caller: Caller, id: string): Promise<InvestigationSummary> {
    const { row, access } = await this.find(db, caller, id);
    return summaryOf(row, access);
  }

  get(caller: Caller, id: string): Promise<Investigation> {
    return this.read(this.store, caller, id);
  }

  /** Its view and the relationships among its nodes when they were last saved. */
  async opened(caller: Caller, id: string): Promise<{ view: View; known: string[] }> {
    const { row } = await this.find(this.store, caller, id, true);
    return { view: row.view!, known: row.known_relationships ?? [] };
  }

  /** Refuses (404/403) unless the caller may read, or change, the investigation. */
  async check(caller: Caller, id: string, need: 'read' | 'change' = 'read'): Promise<Investigation> {
    const investigation = await this.get(caller, id);
    if (need === 'change' && investigation.access === 'viewer') throw readOnly(id);
    return investigation;
  }

  async create(caller: Caller, fields: Fields, action = 'investigation.create'): Promise<Investigation> {
    return this.store.transaction(async (tx) => {
      const id = await this.insert(tx, caller, fields);
      await audit(tx, caller, {
        action,
        targetType: 'investigation',
        targetId: id,
        after: { title: fields.title, nodes: fields.view.ids.length },
      });
      return this.read(tx, caller, id);
    });
  }

  /** A new investigation with its first version; a new id is drawn in the unlikely case one is taken. */
  private async insert(tx: Queryable, caller: Caller, fields: Fields): Promise<string> {
    const values = (id: string) => [
      id,
      fields.title,
      fields.description,
      caller.userId ?? null,
      JSON.stringify(fields.view),
      fields.view.ids.length,
    ];
    let id = newId();
    while (!(await tx.rows(sql['investigations/create'], values(id))).length) id = newId();
    await this.recordVersion(tx, caller, id, 1, fields, { snapshot: toStored(fields.view) });
    await tx.rows(sql['investigations/known-set'], [id, await this.relationshipsAmong(fields.view.ids)]);
    return id;
  }

  private async recordVersion(
    tx: Queryable,
    caller: Caller,
    id: string,
    version: number,
    fields: Fields,
    kept: { snapshot: StoredView } | { delta: Delta },
  ) {
    await tx.rows(sql['investigations/version-insert'], [
      id,
      version,
      caller.userId ?? null,
      caller.name,
      fields.title,
      fields.description,
      'snapshot' in kept ? JSON.stringify(kept.snapshot) : null,
      'delta' in kept ? JSON.stringify(kept.delta) : null,
      fields.view.ids.length,
    ]);
  }

  /**
   * A delta, or a full snapshot once the deltas since the last one outweigh it: storage grows with what
   * changed, and rebuilding a version replays deltas no larger in all than one copy.
   */
  private async keep(tx: Queryable, id: string, after: StoredView, delta: Delta | undefined) {
    // A save that changed only the title or description changes no view: an empty delta.
    if (!delta) return { delta: {} };
    const [size] = await tx.rows<{ snapshot_bytes: number | null; delta_bytes: string }>(
      sql['investigations/chain-size'],
      [id],
    );
    const chain = Number(size?.delta_bytes ?? 0) + Buffer.byteLength(JSON.stringify(delta));
    return chain > (size?.snapshot_bytes ?? 0) ? { snapshot: after } : { delta };
  }

  /**
   * A save at the version it was read at: the row is locked, so of concurrent saves at one version the first
   * to commit wins and the others get 409 with the version now current. A save that changes nothing is no
   * new version.
   */
  async update(
    caller: Caller,
    id: string,
    change: Partial<Fields> & { version: number },
    action = 'investigation.update',
  ): Promise<InvestigationSummary> {
    return this.store.transaction(async (tx) => {
      await this.findToChange(tx, caller, id);
      const [current] = await tx.rows<{ title: string; description: string; version: number; view: View }>(
        sql['investigations/lock'],
        [id],
      );
      if (!current) throw notFound(id);
      if (current.version !== change.version) {
        throw ProblemError.staleVersion(id, current.version, change.version);
      }
      const next: Fields = {
        title: change.title ?? current.title,
        description: change.description ?? current.description,
        view: change.view ?? current.view,
      };
      const before = toStored(current.view);
      const after = toStored(next.view);
      const delta = viewDelta(before, after);
      if (!delta && next.title === current.title && next.description === current.description) {
        return this.summary(tx, caller, id);
      }
      const version = current.version + 1;
      await tx.rows(sql['investigations/update'], [
        id,
        next.title,
        next.description,
        JSON.stringify(next.view),
        next.view.ids.length,
        version,
      ]);
      await this.recordVersion(tx, caller, id, version, next, await this.keep(tx, id, after, delta));
      if (!sameMembers(current.view.ids, next.view.ids)) {
        await tx.rows(sql['investigations/known-set'], [id, await this.relationshipsAmong(next.view.ids)]);
      }
      await audit(tx, caller, {
        action,
        targetType: 'investigation',
        targetId: id,
        before: { version: current.version, title: current.title },
        after: { version, title: next.title, nodes: next.view.ids.length },
      });
      return this.summary(tx, caller, id);
    });
  }

  /**
   * A merge of node `merge` into `keep` (issue 26), inside the merge's transaction: every investigation whose
   * canvas holds `merge` then holds `keep` in its place (dropped where it holds both), its moved relationships
   * renamed (`relationships`: old id to new) and its notes on them retargeted; each is a new version by the
   * merging editor, whoever owns it. What each held is returned for `pointBackIn`.
   */
  async pointToKeptIn(
    tx: Queryable,
    caller: Caller,
    merge: { keep: string; merge: string; keepFingerprint: string; relationships: Map<string, string> },
  ): Promise<InvestigationHeld[]> {
    const held: InvestigationHeld[] = [];
    for (const row of await tx.rows<HoldingRow>(sql['investigations/holding-lock'], [merge.merge])) {
      const pointed = pointToKept(row.view, merge.keep, merge.merge, merge.keepFingerprint, merge.relationships);
      if (!pointed) continue;
      const annotations = await this.retarget(tx, row.id, merge.merge, merge.keep, merge.relationships);
      await this.rewriteIn(tx, caller, row, pointed.view, merge.relationships, 'investigation.merge-nodes');
      held.push({ investigation: row.id, ...pointed.held, annotations });
    }
    return held;
  }

  /** The undo of `pointToKeptIn`: each investigation it changed that still holds `keep` holds `merge` again. */
  async pointBackIn(
    tx: Queryable,
    caller: Caller,
    undo: { keep: string; merge: string; relationships: Map<string, string>; held: InvestigationHeld[] },
  ): Promise<void> {
    const held = new Map(undo.held.map((entry) => [entry.investigation, entry]));
    for (const row of await tx.rows<HoldingRow>(sql['investigations/holding-lock'], [undo.keep])) {
      const entry = held.get(row.id);
      if (!entry) continue;
      const view = pointBack(row.view, undo.keep, undo.merge, entry, undo.relationships);
      if (!view) continue;
      await tx.rows(sql['annotations/point-back'], [entry.annotations, undo.keep, undo.merge]);
      for (const [from, to] of undo.relationships) {
        if (from !== to) await tx.rows(sql['annotations/repoint'], [row.id, from, to, 'relationship']);
      }
      await this.rewriteIn(tx, caller, row, view, undo.relationships, 'investigation.unmerge-nodes');
    }
  }

  private async retarget(
    tx: Queryable,
    id: string,
    from: string,
    to: string,
    relationships: Map<string, string>,
  ): Promise<string[]> {
    const notes = await tx.rows<{ id: string }>(sql['annotations/repoint'], [id, from, to, 'node']);
    for (const [old, made] of relationships) {
      if (old !== made) await tx.rows(sql['annotations/repoint'], [id, old, made, 'relationship']);
    }
    return notes.map((note) => note.id);
  }

  /** A new view of a locked investigation, written as a save is (a version, an audit entry). */
  private async rewriteIn(
    tx: Queryable,
    caller: Caller,
    row: HoldingRow,
    view: View,
    relationships: Map<string, string>,
    action: string,
  ): Promise<void> {
    const next: Fields = { title: row.title, description: row.description, view };
    const after = toStored(view);
    const delta = viewDelta(toStored(row.view), after);
    if (!delta) return;
    const version = row.version + 1;
    await tx.rows(sql['investigations/update'], [
      row.id,
      row.title,
      row.description,
      JSON.stringify(view),
      view.ids.length,
      version,
    ]);
    await this.recordVersion(tx, caller, row.id, version, next, await this.keep(tx, row.id, after, delta));
    const known = row.known_relationships.map((id) => relationships.get(id) ?? id);
    await tx.rows(sql['investigations/known-set'], [row.id, [...new Set(known)]]);
    await audit(tx, caller, {
      action,
      targetType: 'investigation',
      targetId: row.id,
      before: { version: row.version, nodes: row.view.ids.length },
      after: { version, nodes: view.ids.length },
    });
  }

  async remove(caller: Caller, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { row, access } = await this.find(tx, caller, id);
      if (access !== 'owner') throw notOwner(id);
      await tx.rows(sql['investigations/delete'], [id]);
      await audit(tx, caller, {
        action: 'investigation.delete',
        targetType: 'investigation',
        targetId: id,
        before: { title: row.title, version: row.version },
      });
    });
  }

  async versions(caller: Caller, id: string, limit: number) {
    await this.find(this.store, caller, id);
    const rows = await this.store.rows<VersionRow>(sql['investigations/versions-list'], [id, limit]);
    return rows.map((row) => ({
      version: row.version,
      savedAt: row.saved_at.toISOString(),
      author: row.author,
      title: row.title,
      nodeCount: row.node_count,
    }));
  }

  private async rebuildVersion(db: Queryable, id: string, version: number) {
    const chain = await db.rows<VersionRow>(sql['investigations/version-chain'], [id, version]);
    const last = chain.at(-1);
    if (!last || last.version !== version) throw ProblemError.notFound(`"${id}" has no version ${version}.`);
    return { row: last, view: rebuild(chain) };
  }

  /** One version's view, and with `compareWith`, what changed from that version to this one. */
  async version(caller: Caller, id: string, version: number, compareWith?: number) {
    await this.find(this.store, caller, id);
    const { row, view } = await this.rebuildVersion(this.store, id, version);
    const detail = {
      version,
      savedAt: row.saved_at.toISOString(),
      author: row.author,
      title: row.title,
      nodeCount: row.node_count,
      view,
    };
    if (compareWith === undefined) return detail;
    const other = await this.rebuildVersion(this.store, id, compareWith);
    // Always from the earlier version to the later, whichever was asked first.
    const [earlier, later] = compareWith < version ? [other, { row, view }] : [{ row, view }, other];
    const notes = await this.store.rows<{ id: string; change: 'added' | 'edited' | 'deleted' }>(
      sql['annotations/changed-between'],
      [id, earlier.row.saved_at, later.row.saved_at],
    );
    const noteIds = (change: string) => notes.filter((note) => note.change === change).map((note) => note.id);
    return {
      ...detail,
      changes: {
        from: compareWith,
        ...compareViews(earlier.view, later.view),
        titleChanged: earlier.row.title !== later.row.title,
        notes: { added: noteIds('added'), edited: noteIds('edited'), deleted: noteIds('deleted') },
      },
    };
  }

  /** Makes an old version current again, as a new version (nothing in between is lost). */
  async restore(caller: Caller, id: string, version: number, current: number): Promise<InvestigationSummary> {
    await this.findToChange(this.store, caller, id);
    const { row, view } = await this.rebuildVersion(this.store, id, version);
    return this.update(
      caller,
      id,
      { title: row.title, description: row.description, view, version: current },
      'investigation.restore',
    );
  }

  async shares(caller: Caller, id: string) {
    const { row, access } = await this.find(this.store, caller, id);
    if (access !== 'owner') throw notOwner(id);
    const rows = await this.store.rows<{
      grantee_kind: string;
      grantee: string;
      access: Share['access'];
      username: string | null;
    }>(sql['investigations/shares-list'], [id]);
    const shares: Share[] = rows.map((share) =>
      share.grantee_kind === 'user'
        ? { kind: 'user', user: share.username ?? share.grantee, access: share.access }
        : { kind: 'role', role: share.grantee as Extract<Share, { kind: 'role' }>['role'], access: share.access },
    );
    return { link: row.link_access, shares, publicLinksAllowed: await this.publicLinksAllowed() };
  }

  /** Replaces who it is shared with: named users and roles, and its link. */
  async share(caller: Caller, id: string, link: LinkAccess, shares: Share[]) {
    const { access } = await this.find(this.store, caller, id);
    if (access !== 'owner') throw notOwner(id);
    if (link === 'public' && !(await this.publicLinksAllowed())) {
      throw new ProblemError(
        403,
        'public-links-off',
        'Public links are off',
        'An admin has not allowed public links (PUT /api/settings {"publicLinks": true}).',
      );
    }
    await this.store.transaction(async (tx) => {
      const { row, access } = await this.find(tx, caller, id);
      if (access !== 'owner') throw notOwner(id);
      const names = shares.flatMap((share) => (share.kind === 'user' ? [share.user.toLowerCase()] : []));
      const users = new Map(
        (await tx.rows<{ id: string; username: string }>(sql['investigations/users-by-name'], [names])).map((user) => [
          user.username.toLowerCase(),
          user.id,
        ]),
      );
      const unknown = names.filter((name) => !users.has(name));
      if (unknown.length) {
        throw ProblemError.badRequest(`body.shares: no user is called "${unknown[0]}"`, [
          { location: 'body.shares', message: `no user is called "${unknown[0]}"` },
        ]);
      }
      await tx.rows(sql['investigations/shares-clear'], [id]);
      for (const share of shares) {
        const grantee = share.kind === 'user' ? users.get(share.user.toLowerCase())! : share.role;
        await tx.rows(sql['investigations/share-insert'], [id, share.kind, grantee, share.access]);
      }
      await tx.rows(sql['investigations/link-set'], [id, link]);
      await audit(tx, caller, {
        action: 'investigation.share',
        targetType: 'investigation',
        targetId: id,
        before: { link: row.link_access },
        after: { link, shares },
      });
    });
    return this.shares(caller, id);
  }

  async annotations(caller: Caller, id: string): Promise<Annotation[]> {
    const { access } = await this.find(this.store, caller, id);
    const rows = await this.store.rows<AnnotationRow>(sql['annotations/list'], [id]);
    return rows.map((row) => annotationOf(row, caller, access));
  }

  async annotate(
    caller: Caller,
    id: string,
    note: Pick<Annotation, 'target' | 'text' | 'sources' | 'step'>,
  ): Promise<Annotation> {
    return this.store.transaction(async (tx) => {
      const { access } = await this.findToChange(tx, caller, id);
      const created = await this.insertNote(tx, caller, id, note);
      await audit(tx, caller, {
        action: 'annotation.create',
        targetType: 'investigation',
        targetId: id,
        after: { note: created.id, target: note.target, text: note.text },
      });
      return annotationOf(created, caller, access);
    });
  }

  private async insertNote(
    tx: Queryable,
    caller: Caller,
    id: string,
    note: Pick<Annotation, 'target' | 'text' | 'sources' | 'step'>,
    written?: { author: string; at: string },
  ): Promise<AnnotationRow> {
    const [row] = await tx.rows<AnnotationRow>(sql['annotations/create'], [
      id,
      note.target.kind,
      note.target.kind === 'canvas' ? null : note.target.id,
      note.text,
      note.sources,
      note.step,
      caller.userId ?? null,
      written?.author ?? caller.name,
      written?.at ?? null,
    ]);
    return row!;
  }

  /** Notes are changed or deleted by their author or the investigation's owner. */
  private async lockNote(tx: Queryable, caller: Caller, id: string, noteId: string) {
    const { access } = await this.findToChange(tx, caller, id);
    const [note] = await tx.rows<AnnotationRow>(sql['annotations/lock'], [noteId, id]);
    if (!note) throw ProblemError.notFound(`"${id}" has no note ${noteId}.`);
    if (access !== 'owner' && !(caller.userId && note.author_id === caller.userId)) {
      throw new ProblemError(403, 'not-author', 'Not the author', 'Only its author or the owner may change a note.');
    }
    return { note, access };
  }

  async updateNote(
    caller: Caller,
    id: string,
    noteId: string,
    change: Partial<Pick<Annotation, 'text' | 'sources' | 'step'>>,
  ): Promise<Annotation> {
    return this.store.transaction(async (tx) => {
      const { note, access } = await this.lockNote(tx, caller, id, noteId);
      const [updated] = await tx.rows<AnnotationRow>(sql['annotations/update'], [
        noteId,
        change.text ?? note.text,
        change.sources ?? note.sources,
        change.step === undefined ? note.step : change.step,
      ]);
      await audit(tx, caller, {
        action: 'annotation.update',
        targetType: 'investigation',
        targetId: id,
        before: { note: noteId, text: note.text },
        after: { note: noteId, text: updated!.text },
      });
      return annotationOf(updated!, caller, access);
    });
  }

  async deleteNote(caller: Caller, id: string, noteId: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const { note } = await this.lockNote(tx, caller, id, noteId);
      await tx.rows(sql['annotations/delete'], [noteId]);
      await audit(tx, caller, {
        action: 'annotation.delete',
        targetType: 'investigation',
        targetId: id,
        before: { note: noteId, text: note.text },
      });
    });
  }

  /** The investigation as one file: its view and its notes, to move it between servers. */
  async exportFile(caller: Caller, id: string): Promise<InvestigationFile> {
    const investigation = await this.get(caller, id);
    const notes = await this.annotations(caller, id);
    return {
      format: 'entente-investigation',
      formatVersion: 1,
      title: investigation.title,
      description: investigation.description,
      view: investigation.view,
      annotations: notes.map((note) => ({
        target: note.target,
        text: note.text,
        sources: note.sources,
        step: note.step,
        author: note.author,
        createdAt: note.createdAt,
      })),
    };
  }

  /** A file made by `exportFile`, as a new investigation the caller owns; notes keep their authors' names. */
  async importFile(caller: Caller, file: InvestigationFile): Promise<Investigation> {
    return this.store.transaction(async (tx) => {
      const id = await this.insert(tx, caller, { title: file.title, description: file.description, view: file.view });
      for (const note of file.annotations) {
        await this.insertNote(tx, caller, id, note, { author: note.author, at: noteTime(note.createdAt) });
      }
      await audit(tx, caller, {
        action: 'investigation.import',
        targetType: 'investigation',
        targetId: id,
        after: { title: file.title, nodes: file.view.ids.length, notes: file.annotations.length },
      });
      return this.read(tx, caller, id);
    });
  }
}
