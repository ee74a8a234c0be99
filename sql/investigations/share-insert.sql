INSERT INTO investigation_shares (investigation_id, grantee_kind, grantee, access) VALUES ($1, $2, $3, $4)
ON CONFLICT (investigation_id, grantee_kind, grantee) DO UPDATE SET access = excluded.access
