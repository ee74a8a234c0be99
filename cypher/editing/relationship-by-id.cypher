// Relationships whose `id` property is $key (the API id of a relationship that has one), with their ends;
// two rows mean the id is not unique and names neither.
MATCH (a)-[r]->(b) WHERE r.id = $key
RETURN r, a, b
LIMIT 2
