SELECT s.grantee_kind, s.grantee, s.access, u.username
FROM investigation_shares s
LEFT JOIN users u ON s.grantee_kind = 'user' AND u.id::text = s.grantee
WHERE s.investigation_id = $1
ORDER BY s.grantee_kind, coalesce(u.username, s.grantee)
