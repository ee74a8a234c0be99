UPDATE users SET
  role = coalesce($2, role),
  disabled = coalesce($3, disabled),
  password_hash = coalesce($4, password_hash),
  username = coalesce($5, username),
  updated_at = now()
WHERE id = $1
RETURNING id, username, role, disabled, (password_hash IS NOT NULL) AS has_password, (oidc_subject IS NOT NULL) AS single_sign_on,
          created_at, updated_at
