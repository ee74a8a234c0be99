SELECT count(*)::int AS count FROM users
