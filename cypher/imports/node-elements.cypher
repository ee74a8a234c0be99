// The elementIds of a batch's nodes, by their first label and id (for linking them to their sources).
UNWIND $ids AS id
MATCH (n:{{name:label}} {id: id})
RETURN id, elementId(n) AS element
