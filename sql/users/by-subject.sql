SELECT id, username, role, disabled FROM users WHERE oidc_subject = $1
