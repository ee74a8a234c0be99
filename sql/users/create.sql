INSERT INTO users (username, password_hash, role, oidc_subject)
VALUES ($1, $2, $3, $4)
ON CONFLICT DO NOTHING
RETURNING id, username, role, disabled, (password_hash IS NOT NULL) AS has_password, (oidc_subject IS NOT NULL) AS single_sign_on,
          created_at, updated_at
