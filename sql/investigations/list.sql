-- The investigations a caller may open, newest first, one page after a keyset cursor.
-- $1 user id, $2 role, $3 whether the caller sees all (admin), $4 title words, $5 only the caller's own,
-- $6 and $7 the cursor (updated_at as text, id), $8 page size.
SELECT i.id, i.title, i.description, i.owner_id, u.username AS owner, i.version, i.node_count, i.link_access,
       i.created_at, i.updated_at,
       to_char(i.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS cursor_at,
       -- 'editor' sorts before 'viewer': min() is the widest share.
       (SELECT min(s.access) FROM investigation_shares s
         WHERE s.investigation_id = i.id
           AND ((s.grantee_kind = 'user' AND s.grantee = $1::text) OR (s.grantee_kind = 'role' AND s.grantee = $2::text))
       ) AS share_access
FROM investigations i
LEFT JOIN users u ON u.id = i.owner_id
WHERE ($3::boolean AND NOT $5::boolean
       OR i.owner_id = $1::uuid
       OR ($3::boolean AND i.owner_id IS NULL)
       OR (NOT $5::boolean AND EXISTS (
         SELECT 1 FROM investigation_shares s
         WHERE s.investigation_id = i.id
           AND ((s.grantee_kind = 'user' AND s.grantee = $1::text) OR (s.grantee_kind = 'role' AND s.grantee = $2::text)))))
  AND ($4::text IS NULL OR lower(i.title) LIKE '%' || $4::text || '%' ESCAPE '\')
  AND ($6::text IS NULL OR (i.updated_at, i.id) < (($6::text || 'Z')::timestamptz, $7::text))
ORDER BY i.updated_at DESC, i.id DESC
LIMIT $8
