SELECT id, username, role, disabled, (password_hash IS NOT NULL) AS has_password, (oidc_subject IS NOT NULL) AS single_sign_on,
       created_at, updated_at
FROM users WHERE id = $1
