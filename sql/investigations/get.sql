-- One investigation with its owner's name and the best share the caller holds ($2 user id, $3 role); its
-- view only when $4 asks for it (access checks before a write need only the rest).
SELECT i.id, i.title, i.description, i.owner_id, u.username AS owner, i.version, CASE WHEN $4::boolean THEN i.view END AS view, i.node_count,
       i.link_access, i.created_at, i.updated_at, CASE WHEN $4::boolean THEN i.known_relationships END AS known_relationships,
       -- 'editor' sorts before 'viewer': min() is the widest share.
       (SELECT min(s.access) FROM investigation_shares s
         WHERE s.investigation_id = i.id
           AND ((s.grantee_kind = 'user' AND s.grantee = $2::text) OR (s.grantee_kind = 'role' AND s.grantee = $3::text))
       ) AS share_access
FROM investigations i
LEFT JOIN users u ON u.id = i.owner_id
WHERE i.id = $1
