-- What a batch overwrote; where a key was already recorded by an earlier batch, the earlier (truer) value stays.
INSERT INTO import_changes (import_id, element_id, kind, before, added_labels)
SELECT $1, c.element, c.kind, c.before, ARRAY(SELECT jsonb_array_elements_text(c.added_labels))
FROM jsonb_to_recordset($2::jsonb) AS c(element text, kind text, before jsonb, added_labels jsonb)
ON CONFLICT (import_id, element_id) DO UPDATE
SET before = excluded.before || import_changes.before,
    added_labels = ARRAY(SELECT DISTINCT unnest(import_changes.added_labels || excluded.added_labels))
