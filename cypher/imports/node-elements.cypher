// The elementIds of a batch's nodes, by their first label and id (for linking them to their sources).
UNWIND $ids AS id
MATCH (n:{{label}} {id: id})
RETURN id, elementId(n) AS element
