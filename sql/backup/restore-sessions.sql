INSERT INTO sessions (id_hash, user_id, csrf_token, via, created_at, last_seen_at, expires_at, user_agent, client)
SELECT decode(r.id_hash, 'hex'), r.user_id, r.csrf_token, r.via, r.created_at, r.last_seen_at, r.expires_at, r.user_agent, r.client
FROM json_to_recordset($1::json) AS r(id_hash text, user_id uuid, csrf_token text, via text, created_at timestamptz,
  last_seen_at timestamptz, expires_at timestamptz, user_agent text, client text)
