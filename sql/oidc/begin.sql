INSERT INTO oidc_logins (state, code_verifier, nonce, return_to, expires_at)
VALUES ($1, $2, $3, $4, now() + interval '10 minutes')
