SELECT q.id, q.name, q.description, q.query, q.parameters, q.version, q.owner_id, u.username AS owner
FROM saved_queries q LEFT JOIN users u ON u.id = q.owner_id
ORDER BY lower(q.name), q.id
