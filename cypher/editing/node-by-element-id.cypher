// One node by elementId (the caller resolved its API id first, server/nodes/nodes.queries.ts).
MATCH (n) WHERE elementId(n) = $key
RETURN n
