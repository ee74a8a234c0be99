import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { Caller } from '../accounts/caller.js';
import type { Edit, MergeBody } from '../graph/editing.schemas.js';
import type { ApiNode } from '../graph/graph.schemas.js';
import { relationshipApiId } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import type { InvestigationHeld, InvestigationStore } from '../investigations/investigations.store.js';
import { fingerprint } from '../../shared/fingerprint.js';
import { loadCypher, type Cypher } from '../neo4j/cypher.js';
import type { GraphTransaction } from '../neo4j/database.js';
import { refuseWithLaterEdits, type Editing, type EvidenceKeys } from './editing.js';
import {
  createMerge,
  lockedEdit,
  lockedMerge,
  markMergeUndone,
  markReverted,
  nextMergeId,
  rekey,
} from './edits.store.js';
import {
  apiNode,
  citeSources,
  cypher as editCypher,
  mention,
  lastEditOf,
  nodeState,
  readNode,
  relationshipState,
  run,
  stamp,
  uidOf,
  versionOf,
  type NodeState,
  type Props,
  type RelationshipState,
} from './graph-edits.js';
import { sameValue, type PropertyValue } from './values.js';

const cypher = loadCypher(
  'merges/move',
  'merges/apply',
  'merges/move-back',
  'merges/restore-keep',
  'merges/add-labels',
  'merges/remove-added-labels',
);

/** Relationships moved in one merge, at most (a hub is merged by hand, in smaller steps). */
const maxMoved = 5_000;

/** What a merge changed, kept in the store so that one undo restores both nodes exactly. */
interface MergeSnapshot {
  keep: NodeState;
  merge: NodeState;
  mergeApiId: string;
  moved: { old: RelationshipState; made: string }[];
  /** The investigations that held the merged node, pointed to the kept one (absent in merges made before). */
  investigations?: InvestigationHeld[];
}

/** The `labels` slot of a merge statement: `statement` when there are labels to change, else nothing. */
function labelsSlot(statement: Cypher, labels: string[]): { labels: Cypher | Cypher[] } {
  return { labels: labels.length ? statement : [] };
}

function stringList(value: PropertyValue | undefined): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

/**
 * What the kept node takes from the merged one: every property it lacks; for one both hold with different
 * values, its own stays and the merged node's is listed in `_entente_mergedFrom` (with the merged node's id);
 * sources and aliases are joined, and the merged node's name becomes an alias.
 */
function mergedProperties(keep: NodeState, merge: NodeState, mergeApiId: string, evidence: EvidenceKeys): Props {
  const written: Props = {};
  const differing: Props = {};
  for (const [key, value] of Object.entries(merge.properties)) {
    if (key.startsWith('_entente') || key === 'id') continue;
    const own = keep.properties[key];
    if (own === undefined) written[key] = value;
    else if (!sameValue(own, value)) differing[key] = value;
  }
  for (const key of [evidence.sources, 'aliases']) {
    const own = stringList(keep.properties[key]);
    const theirs = stringList(merge.properties[key]);
    if (own && theirs) {
      written[key] = [...new Set([...own, ...theirs])];
      delete differing[key];
    }
  }
  const name = merge.properties.name;
  if (typeof name === 'string' && !sameValue(keep.properties.name, name)) {
    const aliases = stringList(written.aliases) ?? stringList(keep.properties.aliases) ?? [];
    if (!aliases.includes(name)) written.aliases = [...aliases, name];
  }
  const earlier = keep.properties._entente_mergedFrom;
  const list: unknown[] = typeof earlier === 'string' ? (JSON.parse(earlier) as unknown[]) : [];
  list.push({ id: mergeApiId, labels: merge.labels, properties: differing });
  written._entente_mergedFrom = JSON.stringify(list);
  return written;
}

export class Merges {
  constructor(
    private readonly editing: Editing,
    private readonly investigations: InvestigationStore,
  ) {}

  async merge(caller: Caller, body: MergeBody): Promise<{ merge: number; node: ApiNode; edit: Edit }> {
    const { editing } = this;
    const keepKey = await editing.nodeKey(body.keep, 'keep');
    const mergeKey = await editing.nodeKey(body.merge, 'merge');
    if (keepKey === mergeKey) {
      throw ProblemError.badRequest('merge: a node cannot be merged into itself', [
        { location: 'body.merge', message: 'is the same node as keep' },
      ]);
    }
    const evidence = await editing.evidenceKeys();
    const identity = await editing.catalog.identity();
    return editing.unit([keepKey, mergeKey], async (unit) => {
      if (!(await readNode(unit.graph, keepKey)) || !(await readNode(unit.graph, mergeKey))) {
        throw ProblemError.notFound('One of the two nodes is gone');
      }
      // Both nodes and what moves keep their `_entente_id`s (the moved copies take theirs), so that edits made
      // before the merge still name them; the snapshot holds them, so an undo gives them back.
      const uids = await stamp(unit.graph, 'node', [keepKey, mergeKey]);
      const [keep, merged] = [(await readNode(unit.graph, keepKey))!, (await readNode(unit.graph, mergeKey))!];
      const records = await run(unit.graph, editCypher['editing/node-relationships'], {
        key: mergeKey,
        limit: neo4j.int(maxMoved + 1),
      });
      if (records.length > maxMoved) {
        throw new ProblemError(
          409,
          'too-many-relationships',
          'Conflict',
          `"${body.merge}" has over ${maxMoved} relationships.`,
        );
      }
      const old = records.map((record) => relationshipState(record.get('r') as Relationship));
      const movedUids = await stamp(
        unit.graph,
        'relationship',
        old.map((relationship) => relationship.key),
      );
      for (const relationship of old) relationship.properties._entente_id = movedUids.get(relationship.key)!;
      const moves = old.map((relationship) => ({
        old: relationship.key,
        from: relationship.from === mergeKey ? keepKey : relationship.from,
        to: relationship.to === mergeKey ? keepKey : relationship.to,
      }));
      const madeRecords = await run(unit.graph, cypher['merges/move'], { moves });
      const madeOf = new Map(madeRecords.map((record) => [record.get('old') as string, record.get('made') as string]));
      const keepState = nodeState(keep);
      const mergeState = nodeState(merged);
      const mergeApiId = identity.keyOf(merged);
      const cited = await citeSources(unit.graph, body.sources, evidence.model, unit.editId);
      const written = mergedProperties(keepState, mergeState, mergeApiId, evidence);
      const labels = mergeState.labels.filter((label) => !keepState.labels.includes(label));
      const version = versionOf(keep);
      await run(unit.graph, editCypher['editing/delete-node'], { key: mergeKey });
      const [record] = await run(
        unit.graph,
        cypher['merges/apply'],
        { keep: keepKey, labels, version: neo4j.int(version), edit: neo4j.int(unit.editId) },
        { variable: 'k', properties: written },
        labelsSlot(cypher['merges/add-labels'], labels),
      );
      const node = record!.get('k') as Neo4jNode;
      if (evidence.model)
        await mention(
          unit.graph,
          [keepKey],
          cited.map((source) => source.id),
        );
      const moved = old.map((relationship) => ({ old: relationship, made: madeOf.get(relationship.key)! }));
      // Saved canvases that held the merged node now hold the kept one (in the same store transaction).
      const keepApi = apiNode(node, identity);
      const investigations = await this.investigations.pointToKeptIn(unit.tx, caller, {
        keep: keepApi.id,
        merge: mergeApiId,
        keepFingerprint: fingerprint(keepApi.caption),
        relationships: new Map(
          moved.map(({ old: relationship, made }) => [
            relationshipApiId(relationship.properties, relationship.key),
            relationshipApiId(relationship.properties, made),
          ]),
        ),
      });
      const snapshot: MergeSnapshot = { keep: keepState, merge: mergeState, mergeApiId, moved, investigations };
      const mergeId = await nextMergeId(unit.tx);
      const made = [...madeOf.values()];
      // The moved relationships' histories follow them to the kept node.
      for (const [from, to] of madeOf) await rekey(unit.tx, movedUids.get(from)!, to);
      const edit = await editing.record(unit, caller, {
        action: 'merge',
        targetKind: 'node',
        targetKey: keepKey,
        targetUid: uids.get(keepKey)!,
        targetId: identity.keyOf(keep),
        touches: [...uids.values(), ...movedUids.values()],
        version: version + 1,
        before: { keep: keepState, merge: mergeState },
        after: { labels, properties: written, moved: made.length },
        claim: body.claim,
        sources: cited,
        mergeId,
        previous: lastEditOf(keep),
      });
      await createMerge(unit.tx, caller, {
        id: mergeId,
        keepKey,
        keepId: identity.keyOf(keep),
        mergeId: mergeApiId,
        snapshot,
        editId: unit.editId,
      });
      return { merge: mergeId, node: keepApi, edit };
    });
  }

  /** Restores both nodes exactly as they were before the merge (refused when a later edit stands on it). */
  async undo(caller: Caller, id: number): Promise<{ keep: ApiNode; restored: ApiNode; edit: Edit }> {
    const { editing } = this;
    const [row] = await editing.store.rows<{ keep_key: string; snapshot: MergeSnapshot }>(
      'SELECT keep_key, snapshot FROM graph_merges WHERE id = $1',
      [id],
    );
    if (!row) throw ProblemError.notFound(`No merge has the id ${id}`);
    const identity = await editing.catalog.identity();
    const lockKeys = [row.keep_key, ...row.snapshot.moved.map((move) => move.made)];
    return editing.unit(lockKeys, async (unit) => {
      const merge = await lockedMerge(unit.tx, id);
      if (!merge) throw ProblemError.notFound(`No merge has the id ${id}`);
      if (merge.undone_at) throw new ProblemError(409, 'already-undone', 'Conflict', `Merge ${id} was undone already.`);
      const snapshot = merge.snapshot as MergeSnapshot;
      const editId = Number(merge.edit_id);
      const mergeEdit = (await lockedEdit(unit.tx, editId))!;
      await refuseWithLaterEdits(unit.tx, editId, mergeEdit.touches, `Merge ${id} cannot be undone`);
      const keep = await readNode(unit.graph, merge.keep_key);
      if (!keep) throw new ProblemError(409, 'gone', 'Conflict', 'The kept node is gone.');
      const restored = await this.restoreMerged(unit.graph, snapshot);
      const keys = new Map([[snapshot.merge.key, restored.elementId]]);
      const moves = snapshot.moved.map(({ old, made }) => ({
        made,
        from: keys.get(old.from) ?? old.from,
        to: keys.get(old.to) ?? old.to,
      }));
      const back = await run(unit.graph, cypher['merges/move-back'], { moves });
      const added = keep.labels.filter((label) => !snapshot.keep.labels.includes(label));
      const [record] = await run(
        unit.graph,
        cypher['merges/restore-keep'],
        { keep: merge.keep_key, added, edit: neo4j.int(unit.editId) },
        { variable: 'k', properties: snapshot.keep.properties },
        labelsSlot(cypher['merges/remove-added-labels'], added),
      );
      await rekey(unit.tx, uidOf(restored) ?? snapshot.merge.key, restored.elementId);
      const uidOfMade = new Map(
        snapshot.moved.map(({ old, made }) => [made, (old.properties._entente_id as string | undefined) ?? made]),
      );
      for (const moved of back) {
        await rekey(unit.tx, uidOfMade.get(moved.get('made') as string)!, moved.get('restored') as string);
      }
      if (snapshot.investigations?.length) {
        const propertiesOfMade = new Map(snapshot.moved.map(({ old, made }) => [made, old.properties]));
        await this.investigations.pointBackIn(unit.tx, caller, {
          keep: merge.keep_id,
          merge: snapshot.mergeApiId,
          held: snapshot.investigations,
          relationships: new Map(
            back.map((record) => {
              const made = record.get('made') as string;
              const properties = propertiesOfMade.get(made) ?? {};
              return [
                relationshipApiId(properties, made),
                relationshipApiId(properties, record.get('restored') as string),
              ];
            }),
          ),
        });
      }
      const edit = await editing.record(unit, caller, {
        action: 'merge.undo',
        targetKind: 'node',
        targetKey: merge.keep_key,
        targetUid: mergeEdit.target_uid,
        targetId: merge.keep_id,
        touches: mergeEdit.touches,
        version: versionOf(record!.get('k') as Neo4jNode),
        before: null,
        after: { keep: snapshot.keep, merge: { ...snapshot.merge, key: restored.elementId } },
        claim: `Undoes merge ${id} of "${snapshot.mergeApiId}" into "${merge.keep_id}"`,
        sources: [],
        reverts: editId,
        mergeId: id,
        previous: editId,
      });
      await markReverted(unit.tx, editId, unit.editId);
      await markMergeUndone(unit.tx, id);
      return {
        keep: apiNode(record!.get('k') as Neo4jNode, identity),
        restored: apiNode(restored, identity),
        edit,
      };
    });
  }

  private async restoreMerged(graph: GraphTransaction, snapshot: MergeSnapshot): Promise<Neo4jNode> {
    const [record] = await run(
      graph,
      editCypher['editing/recreate-node'],
      { labels: snapshot.merge.labels },
      { variable: 'n', properties: snapshot.merge.properties },
    );
    return record!.get('n') as Neo4jNode;
  }
}
