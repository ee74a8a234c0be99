SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM saved_queries)
   AND NOT EXISTS (SELECT 1 FROM audit_log) AS empty,
   (SELECT max(version) FROM schema_migrations) AS schema_version
