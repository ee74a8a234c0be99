-- A query saved in the graph by an earlier Entente, brought into the store once (an id already here wins).
INSERT INTO saved_queries (id, name, description, query, parameters, version)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (id) DO NOTHING
RETURNING id
