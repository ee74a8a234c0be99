-- Everything worth keeping, as one JSON document (sign-in links, pending single sign-ons and counters are not).
SELECT json_build_object(
  'format', 'entente-store-backup',
  'schemaVersion', (SELECT max(version) FROM schema_migrations),
  'takenAt', now(),
  'users', (SELECT coalesce(json_agg(t ORDER BY t.created_at), '[]') FROM users t),
  'sessions', (SELECT coalesce(json_agg(t), '[]') FROM (SELECT encode(id_hash, 'hex') AS id_hash, user_id, csrf_token, via,
      created_at, last_seen_at, expires_at, user_agent, client FROM sessions) t),
  'apiKeys', (SELECT coalesce(json_agg(t), '[]') FROM (SELECT id, user_id, name, prefix, encode(secret_hash, 'hex') AS secret_hash,
      scopes, expires_at, last_used_at, created_at, revoked_at FROM api_keys) t),
  'settings', (SELECT coalesce(json_agg(t), '[]') FROM settings t),
  'savedQueries', (SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM saved_queries t),
  'investigations', (SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM investigations t),
  'investigationVersions', (SELECT coalesce(json_agg(t ORDER BY t.investigation_id, t.version), '[]') FROM investigation_versions t),
  'investigationShares', (SELECT coalesce(json_agg(t), '[]') FROM investigation_shares t),
  'annotations', (SELECT coalesce(json_agg(t ORDER BY t.created_at), '[]') FROM annotations t),
  'auditLog', (SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM audit_log t),
  'graphEdits', (SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM graph_edits t),
  'graphMerges', (SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM graph_merges t),
  'imports', (SELECT coalesce(json_agg(t ORDER BY t.created_at), '[]') FROM imports t),
  'importChanges', (SELECT coalesce(json_agg(t ORDER BY t.seq), '[]') FROM import_changes t),
  'importMappings', (SELECT coalesce(json_agg(t ORDER BY t.name), '[]') FROM import_mappings t)
) AS backup
