INSERT INTO api_keys (id, user_id, name, prefix, secret_hash, scopes, expires_at, last_used_at, created_at, revoked_at)
SELECT r.id, r.user_id, r.name, r.prefix, decode(r.secret_hash, 'hex'), r.scopes, r.expires_at, r.last_used_at, r.created_at, r.revoked_at
FROM json_to_recordset($1::json) AS r(id uuid, user_id uuid, name text, prefix text, secret_hash text, scopes text[],
  expires_at timestamptz, last_used_at timestamptz, created_at timestamptz, revoked_at timestamptz)
