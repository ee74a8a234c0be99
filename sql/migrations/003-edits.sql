-- Edits of the graph (issue 26): every change an editor makes to a node or relationship, with its claim and
-- sources, in the same unit of work as the graph write (server/editing/editing.ts), and merges of nodes.

CREATE TABLE graph_edits (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  -- node.create, node.update, node.delete, relationship.create, relationship.update, relationship.version,
  -- relationship.delete, revert, merge, merge.undo
  action text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('node', 'relationship')),
  -- The entity's elementId now (rewritten when a revert or an undone merge makes it again).
  target_key text NOT NULL,
  -- The API id it had when edited.
  target_id text NOT NULL,
  -- Every entity the edit made or changed (its target, a relationship's ends, a merge's nodes): what a later
  -- edit may depend on.
  touches text[] NOT NULL,
  -- The version the target had after this edit (its `_entente_version` in the graph).
  version integer NOT NULL,
  -- Typed property values (server/editing/values.ts): what was there, what is there after.
  before jsonb,
  after jsonb,
  claim text NOT NULL,
  sources jsonb NOT NULL,
  -- The edit the target's `_entente_lastEdit` named before this one: an entity's history is the chain from the
  -- edit its `_entente_lastEdit` names now, so that an elementId Neo4j reuses for another entity never mixes
  -- the histories of the two.
  previous_edit bigint,
  -- A revert names the edit it undoes; the undone edit names its revert.
  reverts bigint REFERENCES graph_edits (id),
  reverted_by bigint REFERENCES graph_edits (id),
  merge_id bigint
);
CREATE INDEX graph_edits_target ON graph_edits (target_key, id);
CREATE INDEX graph_edits_touches ON graph_edits USING gin (touches);

CREATE TABLE graph_merges (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_name text NOT NULL,
  keep_key text NOT NULL,
  keep_id text NOT NULL,
  merge_id text NOT NULL,
  -- Both nodes as they were (labels, typed properties, the merged node's relationships) and the
  -- relationships made on the kept node: what an undo restores and removes.
  snapshot jsonb NOT NULL,
  edit_id bigint NOT NULL REFERENCES graph_edits (id),
  undone_at timestamptz
);
