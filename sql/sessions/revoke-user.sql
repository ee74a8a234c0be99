-- Every session of a user but the one given (null: all of them).
DELETE FROM sessions WHERE user_id = $1 AND ($2::bytea IS NULL OR id_hash <> $2)
