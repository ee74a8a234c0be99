-- A backup made before migration 005 has no target_uid: those rows named entities by elementId (see 005).
INSERT INTO graph_edits
SELECT (jsonb_populate_record(NULL::graph_edits, e || jsonb_build_object('target_uid', coalesce(e -> 'target_uid', e -> 'target_key')))).*
FROM jsonb_array_elements($1::jsonb) e
