-- Whether Entente removed what the API id $1 (a $2: node or relationship) named, and when: its newest edit,
-- when that removed it (a delete, or the revert of the edit that made it), or, for a node, a merge not
-- undone that folded it into another ($3 false: merges are not looked at). No row: Entente knows of no
-- such removal.
SELECT at, how, into_id FROM (
  SELECT e.at,
    CASE
      WHEN e.action IN ('node.delete', 'relationship.delete') THEN 'deleted'
      WHEN e.action = 'revert' AND undone.action IN ('node.create', 'relationship.create', 'relationship.version')
        THEN 'deleted'
    END AS how,
    NULL::text AS into_id
  FROM graph_edits e
  LEFT JOIN graph_edits undone ON undone.id = e.reverts
  WHERE e.target_id = $1 AND e.target_kind = $2
  ORDER BY e.id DESC
  LIMIT 1
) newest
WHERE how IS NOT NULL
UNION ALL
SELECT m.at, 'merged', m.keep_id
FROM graph_merges m
WHERE $3::boolean AND m.merge_id = $1 AND m.undone_at IS NULL
ORDER BY at DESC
LIMIT 1
