-- Edits keyed by an id Entente owns (issue 26). Neo4j reuses the elementId of a deleted node or relationship,
-- so a dependency check or a history that followed elementIds mixed two entities. Every entity an edit writes,
-- or stands on, now carries `_entente_id`, which Entente sets once and never changes (a deleted entity made
-- again by a revert or an undone merge gets it back with its other properties), and `touches` lists those ids.
-- `target_key` stays the elementId the target has now: how the graph write of a revert finds it (a seek).
--
-- Rows written before this migration named entities by elementId: each keeps it as its `target_uid`, and the
-- next edit of such an entity (one that has `_entente_lastEdit` but no `_entente_id`) gives it its elementId as
-- its `_entente_id`, so that its new edits and its old ones name it alike.
ALTER TABLE graph_edits ADD COLUMN target_uid text;
UPDATE graph_edits SET target_uid = target_key;
ALTER TABLE graph_edits ALTER COLUMN target_uid SET NOT NULL;
CREATE INDEX graph_edits_target_uid ON graph_edits (target_uid);
