-- A pending sign-in is used once, by whichever instance the provider sends the browser back to.
DELETE FROM oidc_logins WHERE state = $1 AND expires_at > now() RETURNING code_verifier, nonce, return_to
