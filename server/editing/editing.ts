import neo4j, { type Node as Neo4jNode, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import type { Caller } from '../accounts/caller.js';
import { audit } from '../audit/audit.queries.js';
import type { Catalog } from '../graph/catalog.js';
import { provenanceTypes } from '../graph/dataset-model.js';
import type {
  CreateNodeBody,
  CreateRelationshipBody,
  DeleteBody,
  Edit,
  HistoryResponse,
  SourceInput,
  UpdateBody,
} from '../graph/editing.schemas.js';
import type { ApiEdge, ApiNode } from '../graph/graph.schemas.js';
import { looksLikeElementId, type NodeIdentity } from '../graph/identity.js';
import { relationshipApiId } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import type { Cypher } from '../neo4j/cypher.js';
import type { Database, GraphTransaction } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import type { Queryable, Store } from '../store/store.js';
import {
  dependents,
  history,
  lockEntities,
  lockedEdit,
  markReverted,
  nextEditId,
  recordEdit,
  rekey,
  type EditRow,
  type NewEdit,
  type TargetKind,
} from './edits.store.js';
import {
  apiEdge,
  apiNode,
  bookkeepingPrefix,
  citeSources,
  cypher,
  datedProperties,
  mention,
  newId,
  newNamePattern,
  lastEditOf,
  nodeState,
  readNode,
  readRelationship,
  relationshipState,
  run,
  stamp,
  uidOf,
  versionOf,
  type CitedSource,
  type FoundRelationship,
  type NodeState,
  type Props,
  type RelationshipState,
} from './graph-edits.js';
import { encodeProperties, sameValue, type PropertyValue } from './values.js';

/** A node with more relationships than this is not deleted through the API (its history would be huge). */
const maxRelationshipsOfDeleted = 1_000;

/** Where the claim and sources of an edit are written on the entity. */
export interface EvidenceKeys {
  claim: string;
  sources: string;
  /** The default dataset's model: Source documents in the graph, MENTIONED_IN links to them. */
  model: boolean;
}

export interface NodeAnswer {
  node: ApiNode;
  version: number;
  edit: Edit | null;
}

export interface RelationshipAnswer {
  relationship: ApiEdge;
  version: number;
  edit: Edit | null;
  /** Set when the edit stated a figure differently: the group the new version joined. */
  disagreement?: string;
}

/** What a unit of work hands the edit it records. */
export interface Unit {
  tx: Queryable;
  graph: GraphTransaction;
  editId: number;
}

/** What a deleted entity was, as its history keeps it, with its `_entente_id` and what the deletion touched. */
interface Snapshot {
  uid: string;
  touches: string[];
  before: unknown;
}

/** A change to an entity's properties, as read in its unit of work. */
interface Change<State> {
  id: string;
  key: string;
  before: State;
  changes: Props;
  cited: CitedSource[];
  body: UpdateBody;
  evidence: EvidenceKeys;
}

type Answer<Shown> = Shown & { version: number; edit: Edit | null };

/**
 * What a write of a node and of a relationship differ in: how the entity is found and read, the statements that
 * write it, what the answer shows, and what its deletion keeps. The rest of the sequence (lock, version check,
 * sources, graph write, history and audit) is one path (`Editing.update`, `Editing.remove`).
 */
interface EntityKind<Found, Shown, State extends { properties: Props }> {
  kind: TargetKind;
  key: (id: string) => Promise<string>;
  read: (graph: GraphTransaction, key: string) => Promise<Found | undefined>;
  entity: (found: Found) => Neo4jNode | Relationship;
  state: (found: Found) => State;
  shown: (found: Found, identity: NodeIdentity) => Shown;
  updateQuery: Cypher;
  /** The entity as the update statement returns it. */
  updated: (record: Neo4jRecord) => Found;
  /** The nodes an update's sources are linked to (the dataset's MENTIONED_IN). */
  mentions: (key: string) => string[];
  /** A change written otherwise (a relationship's new figure), or undefined to write it over. */
  instead?: (unit: Unit, caller: Caller, change: Change<State>) => Promise<Answer<Shown> | undefined>;
  snapshot: (unit: Unit, key: string, found: Found, id: string) => Promise<Snapshot>;
  deleteQuery: Cypher;
}

function staleVersion(kind: TargetKind, id: string, read: number, now: number): ProblemError {
  return new ProblemError(
    409,
    'stale-version',
    'Stale version',
    `The ${kind} "${id}" is at version ${now}, not ${read}: someone changed it since you read it. Read it again, then edit.`,
  ).with({ currentVersion: now });
}

function badKey(key: string, why: string): ProblemError {
  return ProblemError.badRequest(`properties.${key}: ${why}`, [{ location: `body.properties.${key}`, message: why }]);
}

/**
 * Edits of the graph, each a claim with sources, written to the graph and to the history in Entente's
 * store as one unit of work (see `unit`).
 */
export class Editing {
  constructor(
    readonly db: Database,
    readonly catalog: Catalog,
    readonly store: Store,
  ) {}

  private readonly nodes: EntityKind<Neo4jNode, { node: ApiNode }, NodeState> = {
    kind: 'node',
    key: (id) => this.nodeKey(id),
    read: readNode,
    entity: (node) => node,
    state: nodeState,
    shown: (node, identity) => ({ node: apiNode(node, identity) }),
    updateQuery: cypher['editing/update-node'],
    updated: (record) => record.get('n') as Neo4jNode,
    mentions: (key) => [key],
    snapshot: (unit, key, node, id) => this.nodeSnapshot(unit, key, node, id),
    deleteQuery: cypher['editing/delete-node'],
  };

  private readonly relationships: EntityKind<
    FoundRelationship,
    { relationship: ApiEdge; disagreement?: string },
    RelationshipState
  > = {
    kind: 'relationship',
    key: (id) => this.relationshipKey(id),
    read: readRelationship,
    entity: (found) => found.r,
    state: (found) => relationshipState(found.r),
    shown: (found, identity) => ({ relationship: apiEdge(found, identity) }),
    updateQuery: cypher['editing/update-relationship'],
    updated: foundOf,
    // Its sources are mentioned by its ends when it is made, not again on a change.
    mentions: () => [],
    instead: async (unit, caller, change) =>
      this.isNewFigure(change.before, change.changes, change.cited, change.evidence)
        ? this.newVersion(unit, caller, change)
        : undefined,
    snapshot: (unit, key, found) => this.relationshipSnapshot(unit, key, found),
    deleteQuery: cypher['editing/delete-relationship'],
  };

  /**
   * One edit across the two databases. The store's transaction opens first and takes a lock on every entity
   * the edit writes (so of two writers holding one version, the second waits, then sees the new version and
   * gets 409); the graph is written in its own transaction inside it, the history row and the audit entry
   * are written, the graph commits, then the store. A failure before the graph's commit rolls both back. A
   * crash between the two commits leaves the graph written and the store not: every entity an edit writes
   * carries `_entente_lastEdit`, the id of its edit, reserved from the store's sequence before the graph is
   * written (and never reused), so an entity whose `_entente_lastEdit` names no row of `graph_edits` is
   * exactly one such interrupted edit (`MATCH (n) WHERE n._entente_lastEdit IS NOT NULL` against the table).
   */
  async unit<T>(lockKeys: string[], work: (unit: Unit) => Promise<T>): Promise<T> {
    const result = await this.store.transaction(async (tx) => {
      await lockEntities(tx, lockKeys);
      const editId = await nextEditId(tx);
      return this.db.writeTransaction((graph) => work({ tx, graph, editId }));
    });
    this.catalog.invalidate();
    return result;
  }

  async evidenceKeys(): Promise<EvidenceKeys> {
    const model = (await provenanceTypes(this.catalog)).length > 0;
    return model
      ? { claim: 'claim', sources: 'sources', model }
      : { claim: `${bookkeepingPrefix}_claim`, sources: `${bookkeepingPrefix}_sources`, model };
  }

  /** A node's elementId from its API id, or a 404 (naming the body's field when the id came in the body). */
  async nodeKey(id: string, field?: string): Promise<string> {
    const node = (await resolveNodes(this.db, this.catalog, [id])).get(id);
    if (!node) {
      const problem = ProblemError.notFound(`${field ? `${field}: ` : ''}No node has the id "${id}"`);
      throw field ? problem.with({ errors: [{ location: `body.${field}`, message: 'no node has this id' }] }) : problem;
    }
    return node.elementId;
  }

  /** A relationship's elementId from its API id (its `id` property, else its elementId), or a 404. */
  async relationshipKey(id: string): Promise<string> {
    // An id shaped like an elementId is looked up as one first (a seek; the `id` lookup reads every relationship).
    if (looksLikeElementId(id)) {
      const { records } = await this.db.read(cypher['editing/relationship-by-element-id'], { key: id });
      const found = records[0]?.get('r') as { elementId: string; properties: Record<string, unknown> } | undefined;
      if (found && relationshipApiId(found.properties, found.elementId) === id) return found.elementId;
    }
    const { records } = await this.db.read(cypher['editing/relationship-by-id'], { key: id });
    if (records.length > 1) {
      throw new ProblemError(409, 'ambiguous-id', 'Conflict', `Several relationships have the id "${id}".`);
    }
    if (records[0]) return (records[0].get('r') as { elementId: string }).elementId;
    const byElement = await this.db.read(cypher['editing/relationship-by-element-id'], { key: id });
    const found = byElement.records[0];
    if (!found) throw ProblemError.notFound(`No relationship has the id "${id}"`);
    return (found.get('r') as { elementId: string }).elementId;
  }

  /** Labels (or a type) from a request: the database's own, or a new plain name. */
  private async checkNames(names: string[], kind: 'label' | 'type', field: string): Promise<void> {
    const current = await this.catalog.current();
    const known = new Set((kind === 'label' ? current.labels : current.relationshipTypes).map((entry) => entry.name));
    names.forEach((name, index) => {
      if (known.has(name)) return;
      if (!newNamePattern.test(name) || name.startsWith('_')) {
        const location = kind === 'label' ? `body.${field}.${index}` : `body.${field}`;
        throw ProblemError.badRequest(
          `${location.slice(5)}: "${name}" is neither a ${kind} of this database nor a plain new name (a letter, then letters, digits or _)`,
          [{ location, message: `not a ${kind} of this database nor a plain new name` }],
        );
      }
    });
  }

  /** Property keys from a request: the database's own or a plain new name; never Entente's nor the evidence's. */
  private async checkKeys(properties: Record<string, unknown>, evidence: EvidenceKeys, editing: boolean) {
    const known = new Set((await this.catalog.current()).propertyKeys);
    for (const key of Object.keys(properties)) {
      if (key.startsWith(bookkeepingPrefix))
        throw badKey(key, `keys starting with ${bookkeepingPrefix} are Entente's own`);
      if (key === evidence.claim || key === evidence.sources) {
        throw badKey(key, 'is written from the claim and sources of the edit');
      }
      if (editing && key === 'id') throw badKey(key, "is the node's identity; make a new node or merge instead");
      if (!known.has(key) && !newNamePattern.test(key)) {
        throw badKey(key, 'is neither a property key of this database nor a plain new name');
      }
    }
  }

  async record(unit: Unit, caller: Caller, edit: Omit<NewEdit, 'id'>): Promise<Edit> {
    const full: NewEdit = { ...edit, id: unit.editId };
    await recordEdit(unit.tx, caller, full);
    await audit(unit.tx, caller, {
      action: `graph.${edit.action}`,
      targetType: edit.targetKind,
      targetId: edit.targetId,
      before: edit.before,
      after: { ...(edit.after as object), editId: unit.editId, claim: edit.claim, sources: edit.sources },
    });
    return {
      id: unit.editId,
      at: new Date().toISOString(),
      actor: caller.name,
      action: edit.action,
      target: { kind: edit.targetKind, id: edit.targetId },
      version: edit.version,
      before: edit.before ?? null,
      after: edit.after ?? null,
      claim: edit.claim,
      sources: edit.sources.map((source) => source.id),
      reverts: edit.reverts ?? null,
      revertedBy: null,
      mergeId: edit.mergeId ?? null,
    };
  }

  private sourceIds(cited: CitedSource[], previous?: PropertyValue): string[] {
    const old = Array.isArray(previous) ? previous.filter((item): item is string => typeof item === 'string') : [];
    return [...new Set([...old, ...cited.map((source) => source.id)])];
  }

  async createNode(caller: Caller, body: CreateNodeBody): Promise<NodeAnswer> {
    const evidence = await this.evidenceKeys();
    await this.checkNames(body.labels, 'label', 'labels');
    await this.checkKeys(body.properties, evidence, false);
    const { id: givenId, ...properties } = body.properties;
    const identity = await this.catalog.identity();
    let id: string;
    if (givenId !== undefined) {
      if (typeof givenId !== 'string' || !givenId || !identity.mayBeProperty(givenId)) {
        throw badKey('id', 'must be a non-empty string that is not shaped like an elementId');
      }
      id = givenId;
    } else {
      const caption = ['name', 'title'].map((key) => properties[key]).find((value) => typeof value === 'string');
      id = newId(typeof caption === 'string' ? caption : body.labels[0]!);
    }
    return this.unit([], async (unit) => {
      const [taken] = await run(unit.graph, cypher['editing/node-id-taken'], { id });
      if (taken?.get('taken') === true) {
        throw new ProblemError(409, 'id-taken', 'Conflict', `A node already has the id "${id}".`);
      }
      const cited = await citeSources(unit.graph, body.sources, evidence.model, unit.editId);
      const written: Record<string, PropertyValue> = {
        ...properties,
        [evidence.claim]: body.claim,
        [evidence.sources]: cited.map((source) => source.id),
      };
      const [record] = await run(
        unit.graph,
        cypher['editing/create-node'],
        { labels: body.labels, id, edit: neo4j.int(unit.editId) },
        { variable: 'n', properties: written },
      );
      const node = record!.get('n') as Neo4jNode;
      if (evidence.model)
        await mention(
          unit.graph,
          [node.elementId],
          cited.map((source) => source.id),
        );
      const edit = await this.record(unit, caller, {
        action: 'node.create',
        targetKind: 'node',
        targetKey: node.elementId,
        targetUid: uidOf(node)!,
        targetId: id,
        touches: [uidOf(node)!],
        version: 1,
        after: { labels: body.labels, properties: { id, ...written } },
        claim: body.claim,
        sources: cited,
        previous: null,
      });
      return { node: apiNode(node, identity), version: 1, edit };
    });
  }

  async updateNode(caller: Caller, id: string, body: UpdateBody): Promise<NodeAnswer> {
    return this.update(this.nodes, caller, id, body);
  }

  async updateRelationship(caller: Caller, id: string, body: UpdateBody): Promise<RelationshipAnswer> {
    return this.update(this.relationships, caller, id, body);
  }

  async deleteNode(caller: Caller, id: string, body: DeleteBody): Promise<{ deleted: string; edit: Edit }> {
    return this.remove(this.nodes, caller, id, body);
  }

  async deleteRelationship(caller: Caller, id: string, body: DeleteBody): Promise<{ deleted: string; edit: Edit }> {
    return this.remove(this.relationships, caller, id, body);
  }

  /**
   * The one path of a change to a node or relationship that exists: its key from its API id, the lock on it, then
   * in the unit of work the entity read again (a 404 when it is gone) at the version the caller read (a 409 when
   * another edit came first); `work` writes the graph and records the edit.
   */
  private async onCurrent<Found, Shown, State extends { properties: Props }, T>(
    of: EntityKind<Found, Shown, State>,
    id: string,
    version: number,
    work: (
      unit: Unit,
      current: { key: string; found: Found; entity: Neo4jNode | Relationship; version: number },
    ) => Promise<T>,
  ): Promise<T> {
    const key = await of.key(id);
    return this.unit([key], async (unit) => {
      const found = await of.read(unit.graph, key);
      if (!found) throw ProblemError.notFound(`No ${of.kind} has the id "${id}"`);
      const entity = of.entity(found);
      const now = versionOf(entity);
      if (now !== version) throw staleVersion(of.kind, id, version, now);
      return work(unit, { key, found, entity, version: now });
    });
  }

  /**
   * A node's or relationship's properties changed, with the claim and sources of the change; nothing is written
   * when nothing differs, not even Entente's bookkeeping. A relationship's figure stated differently by other
   * sources is a new version beside it instead (`newVersion`).
   */
  private async update<Found, Shown, State extends { properties: Props }>(
    of: EntityKind<Found, Shown, State>,
    caller: Caller,
    id: string,
    body: UpdateBody,
  ): Promise<Answer<Shown>> {
    const evidence = await this.evidenceKeys();
    await this.checkKeys(body.properties, evidence, true);
    const identity = await this.catalog.identity();
    return this.onCurrent(of, id, body.version, async (unit, { key, found, entity, version }) => {
      const before = of.state(found);
      const changes = changedProperties(before.properties, body.properties);
      if (!Object.keys(changes).length) return { ...of.shown(found, identity), version, edit: null };
      const cited = await citeSources(unit.graph, body.sources, evidence.model, unit.editId);
      const instead = await of.instead?.(unit, caller, { id, key, before, changes, cited, body, evidence });
      if (instead) return instead;
      const uid = (await stamp(unit.graph, of.kind, [key])).get(key)!;
      const written = {
        ...changes,
        [evidence.claim]: body.claim,
        [evidence.sources]: this.sourceIds(cited, before.properties[evidence.sources]),
      };
      const [record] = await run(
        unit.graph,
        of.updateQuery,
        { key, version: neo4j.int(version), edit: neo4j.int(unit.editId) },
        { variable: 'n', properties: written },
      );
      const updated = of.updated(record!);
      const mentioning = of.mentions(key);
      if (evidence.model && mentioning.length)
        await mention(
          unit.graph,
          mentioning,
          cited.map((source) => source.id),
        );
      const edit = await this.record(unit, caller, {
        action: `${of.kind}.update`,
        targetKind: of.kind,
        targetKey: key,
        targetUid: uid,
        targetId: id,
        touches: [uid],
        version: version + 1,
        before: { properties: pick(before.properties, Object.keys(written)) },
        after: { properties: written },
        claim: body.claim,
        sources: cited,
        previous: lastEditOf(entity),
      });
      return { ...of.shown(updated, identity), version: version + 1, edit };
    });
  }

  /**
   * A node or relationship deleted, with the claim and sources of the deletion; the history keeps what it was
   * (`snapshot`), so that a revert makes it again.
   */
  private async remove<Found, Shown, State extends { properties: Props }>(
    of: EntityKind<Found, Shown, State>,
    caller: Caller,
    id: string,
    body: DeleteBody,
  ): Promise<{ deleted: string; edit: Edit }> {
    const evidence = await this.evidenceKeys();
    return this.onCurrent(of, id, body.version, async (unit, { key, found, entity, version }) => {
      const { uid, touches, before } = await of.snapshot(unit, key, found, id);
      const cited = await citeSources(unit.graph, body.sources, evidence.model, unit.editId);
      await run(unit.graph, of.deleteQuery, { key });
      const edit = await this.record(unit, caller, {
        action: `${of.kind}.delete`,
        targetKind: of.kind,
        targetKey: key,
        targetUid: uid,
        targetId: id,
        touches,
        version: version + 1,
        before,
        claim: body.claim,
        sources: cited,
        previous: lastEditOf(entity),
      });
      return { deleted: id, edit };
    });
  }

  /** What a deleted node takes with it (its relationships), each keeping its `_entente_id` for a revert. */
  private async nodeSnapshot(unit: Unit, key: string, node: Neo4jNode, id: string): Promise<Snapshot> {
    const records = await run(unit.graph, cypher['editing/node-relationships'], {
      key,
      limit: neo4j.int(maxRelationshipsOfDeleted + 1),
    });
    if (records.length > maxRelationshipsOfDeleted) {
      throw new ProblemError(
        409,
        'too-many-relationships',
        'Conflict',
        `The node "${id}" has more than ${maxRelationshipsOfDeleted} relationships: delete or merge them first.`,
      );
    }
    const relationships = records.map((record) => relationshipState(record.get('r') as Relationship));
    const ends = relationships.flatMap((relationship) => [relationship.from, relationship.to]);
    // What it takes with it keeps its `_entente_id` when a revert makes it again.
    const nodeUids = await stamp(unit.graph, 'node', [key, ...ends]);
    const relationshipUids = await stamp(
      unit.graph,
      'relationship',
      relationships.map((relationship) => relationship.key),
    );
    const state = nodeState(node);
    state.properties._entente_id = nodeUids.get(key)!;
    for (const relationship of relationships) {
      relationship.properties._entente_id = relationshipUids.get(relationship.key)!;
    }
    return {
      uid: nodeUids.get(key)!,
      touches: [...new Set([...nodeUids.values(), ...relationshipUids.values()])],
      before: { node: state, relationships },
    };
  }

  /** A deleted relationship as it was; it and its ends are stamped, since a revert makes it again between them. */
  private async relationshipSnapshot(unit: Unit, key: string, found: FoundRelationship): Promise<Snapshot> {
    const state = relationshipState(found.r);
    const uid = (await stamp(unit.graph, 'relationship', [key])).get(key)!;
    const ends = await stamp(unit.graph, 'node', [state.from, state.to]);
    // A revert makes it again with its `_entente_id`.
    state.properties._entente_id = uid;
    return { uid, touches: [uid, ...ends.values()], before: { relationship: state } };
  }

  async createRelationship(caller: Caller, body: CreateRelationshipBody): Promise<RelationshipAnswer> {
    const evidence = await this.evidenceKeys();
    await this.checkNames([body.type], 'type', 'type');
    await this.checkKeys(body.properties, evidence, true);
    const [from, to] = [await this.nodeKey(body.from, 'from'), await this.nodeKey(body.to, 'to')];
    const identity = await this.catalog.identity();
    const id = newId(body.type);
    return this.unit([from, to], async (unit) => {
      const ends = await stamp(unit.graph, 'node', [from, to]);
      const cited = await citeSources(unit.graph, body.sources, evidence.model, unit.editId);
      const written: Props = {
        ...body.properties,
        ...datedProperties(body.since, body.endsIn),
        [evidence.claim]: body.claim,
        [evidence.sources]: cited.map((source) => source.id),
      };
      const [record] = await run(
        unit.graph,
        cypher['editing/create-relationship'],
        { from, to, type: body.type, id, edit: neo4j.int(unit.editId) },
        { variable: 'n', properties: written },
      );
      if (!record) throw ProblemError.notFound('One end of the relationship is gone');
      const found = foundOf(record);
      if (evidence.model)
        await mention(
          unit.graph,
          [from, to],
          cited.map((source) => source.id),
        );
      const edit = await this.record(unit, caller, {
        action: 'relationship.create',
        targetKind: 'relationship',
        targetKey: found.r.elementId,
        targetUid: uidOf(found.r)!,
        targetId: id,
        touches: [uidOf(found.r)!, ends.get(from)!, ends.get(to)!],
        version: 1,
        after: { type: body.type, from: body.from, to: body.to, properties: { id, ...written } },
        claim: body.claim,
        sources: cited,
        previous: null,
      });
      return { relationship: apiEdge(found, identity), version: 1, edit };
    });
  }

  /**
   * A figure stated differently: a sourced record (it has a claim) whose number changes, on the word of
   * sources it did not cite. Then the sources disagree, and the new figure is a new version beside the old.
   */
  private isNewFigure(before: RelationshipState, changes: Props, cited: CitedSource[], evidence: EvidenceKeys) {
    if (typeof before.properties[evidence.claim] !== 'string') return false;
    const oldSources = before.properties[evidence.sources];
    const old = new Set(Array.isArray(oldSources) ? oldSources : []);
    if (cited.some((source) => old.has(source.id))) return false;
    const isNumber = (value: unknown) =>
      typeof value === 'number' ||
      (typeof value === 'object' && value !== null && ['integer', 'float'].includes((value as { type: string }).type));
    return Object.entries(changes).some(([key, value]) => isNumber(value) && isNumber(before.properties[key]));
  }

  private async newVersion(unit: Unit, caller: Caller, input: Change<RelationshipState>): Promise<RelationshipAnswer> {
    const { id, key, before, changes, cited, body, evidence } = input;
    const group = typeof before.properties.disputes === 'string' ? before.properties.disputes : id;
    const newKey = newId(before.type);
    const written: Props = {
      ...changes,
      [evidence.claim]: body.claim,
      [evidence.sources]: cited.map((source) => source.id),
    };
    // The old one is changed too (it joins the group): a revert of what made it must wait for this one's.
    const oldUid = (await stamp(unit.graph, 'relationship', [key])).get(key)!;
    const [record] = await run(
      unit.graph,
      cypher['editing/new-version'],
      { key, id: newKey, group, edit: neo4j.int(unit.editId) },
      { variable: 'n', properties: written },
    );
    const found = foundOf(record!);
    const ends = await stamp(unit.graph, 'node', [found.a.elementId, found.b.elementId]);
    const identity = await this.catalog.identity();
    const edit = await this.record(unit, caller, {
      action: 'relationship.version',
      targetKind: 'relationship',
      targetKey: found.r.elementId,
      targetUid: uidOf(found.r)!,
      targetId: newKey,
      touches: [uidOf(found.r)!, oldUid, ...ends.values()],
      version: 1,
      before: { versionOf: { key, id }, disputesBefore: before.properties.disputes ?? null },
      after: { disputes: group, properties: written },
      claim: body.claim,
      sources: cited,
      previous: null,
    });
    return { relationship: apiEdge(found, identity), version: 1, edit, disagreement: group };
  }

  /** An entity's history, newest first, and its version now (null once it is gone). */
  async history(kind: TargetKind, id: string): Promise<HistoryResponse> {
    let key: string | undefined;
    let version: number | null = null;
    let properties: Props | null = null;
    let lastEdit: number | null | undefined;
    try {
      key = kind === 'node' ? await this.nodeKey(id) : await this.relationshipKey(id);
    } catch (error) {
      if (!(error instanceof ProblemError && error.status === 404)) throw error;
    }
    if (key) {
      const { records } = await this.db.read(
        kind === 'node' ? cypher['editing/node-by-element-id'] : cypher['editing/relationship-by-element-id'],
        { key },
      );
      const entity = records[0]?.get(kind === 'node' ? 'n' : 'r') as Neo4jNode | undefined;
      if (entity) {
        version = versionOf(entity);
        lastEdit = lastEditOf(entity);
        properties = encodeProperties(entity.properties);
      }
    }
    const edits = await history(this.store, kind, lastEdit, id);
    if (!key && !edits.length) throw ProblemError.notFound(`No ${kind} has the id "${id}", nor ever had`);
    return { version, properties, edits };
  }

  /**
   * Undoes one edit as a new edit (its claim says so; its sources are the undone edit's). Refused when a
   * later edit still stands on what it made, naming that edit.
   */
  async revert(caller: Caller, editId: number): Promise<{ edit: Edit }> {
    const evidence = await this.evidenceKeys();
    const first = await this.store.rows<EditRow>('SELECT target_key FROM graph_edits WHERE id = $1', [editId]);
    if (!first[0]) throw ProblemError.notFound(`No edit has the id ${editId}`);
    // The lock writers of its target take (by elementId, as they know it before reading the graph).
    return this.unit([first[0].target_key], async (unit) => {
      const edit = await lockedEdit(unit.tx, editId);
      if (!edit) throw ProblemError.notFound(`No edit has the id ${editId}`);
      if (edit.reverted_by !== null) {
        throw new ProblemError(
          409,
          'already-reverted',
          'Conflict',
          `Edit ${editId} was reverted by edit ${edit.reverted_by}.`,
        );
      }
      if (edit.action === 'revert' || edit.action.startsWith('merge')) {
        throw new ProblemError(
          409,
          'not-revertible',
          'Conflict',
          edit.action === 'revert'
            ? `Edit ${editId} is itself a revert: edit again instead.`
            : `Edit ${editId} is a merge: undo it with POST /api/merges/${edit.merge_id}/undo.`,
        );
      }
      await refuseWithLaterEdits(unit.tx, editId, [edit.target_uid], `Edit ${editId} cannot be reverted`);
      const result = await this.undo(unit, edit, evidence);
      const revert = await this.record(unit, caller, {
        action: 'revert',
        targetKind: edit.target_kind,
        targetKey: result.key,
        targetUid: edit.target_uid,
        targetId: edit.target_id,
        touches: result.touches,
        version: result.version,
        before: edit.after,
        after: edit.before,
        claim: `Reverts edit ${editId}: ${edit.claim}`,
        sources: edit.sources,
        reverts: editId,
        previous: result.previous,
      });
      await markReverted(unit.tx, editId, unit.editId);
      return { edit: revert };
    });
  }

  /** The graph write that undoes one edit; the entity's key, what it touched and its version after. */
  private async undo(
    unit: Unit,
    edit: EditRow,
    evidence: EvidenceKeys,
  ): Promise<{ key: string; touches: string[]; version: number; previous: number }> {
    const editParam = neo4j.int(unit.editId);
    const touches = edit.touches;
    switch (edit.action) {
      case 'node.create': {
        if (!isTarget(await readNode(unit.graph, edit.target_key), edit)) throw gone(edit);
        // Relationships Entente made to it are later edits (refused above); any other is someone else's data,
        // which un-creating the node would delete with it.
        const attached = await run(unit.graph, cypher['editing/node-relationships'], {
          key: edit.target_key,
          limit: neo4j.int(maxRelationshipsOfDeleted),
        });
        // The mentions of its sources were made with it (the dataset's model).
        const others = attached.filter(
          (record) => !(evidence.model && (record.get('r') as Relationship).type === 'MENTIONED_IN'),
        );
        if (others.length) {
          throw new ProblemError(
            409,
            'has-relationships',
            'Conflict',
            `The node "${edit.target_id}" has relationships made outside Entente's edits: delete them first.`,
          );
        }
        await run(unit.graph, cypher['editing/delete-node'], { key: edit.target_key });
        return { key: edit.target_key, touches, version: edit.version + 1, previous: Number(edit.id) };
      }
      case 'relationship.create':
      case 'relationship.version': {
        if (!isTarget((await readRelationship(unit.graph, edit.target_key))?.r, edit)) throw gone(edit);
        await run(unit.graph, cypher['editing/delete-relationship'], { key: edit.target_key });
        const before = edit.before as { versionOf?: { key: string }; disputesBefore?: unknown } | null;
        if (before?.versionOf && before.disputesBefore === null) {
          await run(unit.graph, cypher['editing/remove-disputes'], { key: before.versionOf.key });
        }
        return { key: edit.target_key, touches, version: edit.version + 1, previous: Number(edit.id) };
      }
      case 'node.update':
      case 'relationship.update': {
        const before = (edit.before as { properties: Props }).properties;
        const after = (edit.after as { properties: Props }).properties;
        const restore: Record<string, PropertyValue | null> = {};
        for (const key of Object.keys(after)) restore[key] = before[key] ?? null;
        const query =
          edit.target_kind === 'node' ? cypher['editing/update-node'] : cypher['editing/update-relationship'];
        const current =
          edit.target_kind === 'node'
            ? await readNode(unit.graph, edit.target_key)
            : (await readRelationship(unit.graph, edit.target_key))?.r;
        if (!isTarget(current, edit)) throw gone(edit);
        const [record] = await run(
          unit.graph,
          query,
          { key: edit.target_key, version: neo4j.int(edit.version), edit: editParam },
          { variable: 'n', properties: restore },
        );
        if (!record) throw gone(edit);
        // The history reads on from the edit the entity last had (a revert of a later edit, say).
        return {
          key: edit.target_key,
          touches,
          version: edit.version + 1,
          previous: lastEditOf(current) ?? Number(edit.id),
        };
      }
      case 'node.delete': {
        const { node, relationships } = edit.before as { node: NodeState; relationships: RelationshipState[] };
        const [record] = await run(
          unit.graph,
          cypher['editing/recreate-node'],
          { labels: node.labels },
          { variable: 'n', properties: { ...node.properties, _entente_lastEdit: unit.editId } },
        );
        const made = record!.get('n') as Neo4jNode;
        await rekey(unit.tx, uidOf(made) ?? node.key, made.elementId);
        const keys = new Map([[node.key, made.elementId]]);
        for (const relationship of relationships) {
          const mapped = await this.recreateRelationship(unit, relationship, keys);
          keys.set(relationship.key, mapped);
        }
        if (evidence.model) {
          const sources = node.properties[evidence.sources];
          if (Array.isArray(sources)) await mention(unit.graph, [made.elementId], sources as string[]);
        }
        return {
          key: made.elementId,
          touches: touches.map((key) => keys.get(key) ?? key),
          version: versionOf(made),
          previous: Number(edit.id),
        };
      }
      case 'relationship.delete': {
        const { relationship } = edit.before as { relationship: RelationshipState };
        const made = await this.recreateRelationship(
          unit,
          { ...relationship, properties: { ...relationship.properties, _entente_lastEdit: unit.editId } },
          new Map(),
        );
        return {
          key: made,
          touches: touches.map((key) => (key === relationship.key ? made : key)),
          version: edit.version - 1,
          previous: Number(edit.id),
        };
      }
      default:
        throw new ProblemError(409, 'not-revertible', 'Conflict', `An edit of kind ${edit.action} is not reverted.`);
    }
  }

  /** A deleted relationship made again exactly (type, ends, properties); its history follows its new key. */
  private async recreateRelationship(unit: Unit, state: RelationshipState, keys: Map<string, string>): Promise<string> {
    const from = keys.get(state.from) ?? state.from;
    const to = keys.get(state.to) ?? state.to;
    const [record] = await run(
      unit.graph,
      cypher['editing/recreate-relationship'],
      { from, to, type: state.type },
      { variable: 'n', properties: state.properties },
    );
    if (!record) {
      throw new ProblemError(
        409,
        'end-gone',
        'Conflict',
        `A relationship ${state.type} cannot be made again: one of its ends is gone (a later delete or merge).`,
      );
    }
    const made = record.get('r') as Relationship;
    await rekey(unit.tx, uidOf(made) ?? state.key, made.elementId);
    return made.elementId;
  }
}

/** An edit's action as a refusal names it, before the id of what it edited. */
const actionWords: Record<string, string> = {
  'node.create': 'made the node',
  'node.update': 'changed the node',
  'node.delete': 'deleted the node',
  'relationship.create': 'made the relationship',
  'relationship.update': 'changed the relationship',
  'relationship.version': 'stated another figure beside it as',
  'relationship.delete': 'deleted the relationship',
  revert: 'reverted an edit of',
  merge: 'merged another node into',
  'merge.undo': 'undid a merge into',
};

/** Refuses an undo while a later edit still stands on what edit `editId` made, naming that edit. */
export async function refuseWithLaterEdits(tx: Queryable, editId: number, keys: string[], what: string) {
  const later = await dependents(tx, editId, keys);
  if (!later.length) return;
  const named = later[0]!;
  const did = actionWords[named.action] ?? named.action;
  throw new ProblemError(
    409,
    'later-change',
    'A later change depends on it',
    `${what}: a later edit stands on it, edit ${named.id} by ${named.actor_name} (${did} "${named.target_id}"). Revert that one first.`,
  ).with({ laterEdits: later.map((row) => Number(row.id)) });
}

/**
 * Whether what a revert finds at an edit's `target_key` is its target: Neo4j gives a deleted entity's elementId
 * to another, so the `_entente_id` must match (rows older than migration 005: the elementId).
 */
function isTarget(entity: Neo4jNode | Relationship | undefined, edit: EditRow): entity is Neo4jNode | Relationship {
  return entity !== undefined && (uidOf(entity) ?? entity.elementId) === edit.target_uid;
}

function gone(edit: EditRow): ProblemError {
  return new ProblemError(409, 'gone', 'Conflict', `The ${edit.target_kind} "${edit.target_id}" is gone.`);
}

function foundOf(record: { get: (key: string) => unknown }): FoundRelationship {
  return { r: record.get('r'), a: record.get('a'), b: record.get('b') } as FoundRelationship;
}

/** The requested changes that differ from what is there (null removes a key that exists). */
function changedProperties(current: Props, requested: Record<string, PropertyValue | null>): Props {
  const changes: Record<string, PropertyValue | null> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (value === null ? key in current : !sameValue(current[key], value)) changes[key] = value;
  }
  return changes as Props;
}

function pick(properties: Props, keys: string[]): Record<string, PropertyValue | null> {
  return Object.fromEntries(keys.map((key) => [key, properties[key] ?? null]));
}

export type { SourceInput };
