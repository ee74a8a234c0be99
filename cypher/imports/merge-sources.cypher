// The Source documents that imported facts cite, merged by id (the text the file gives); one the import
// makes is named by that text and tagged with the import. Each fact's nodes are linked to the documents
// that state it (MENTIONED_IN, as in the default dataset).
UNWIND $sources AS source
MERGE (s:Source {id: source})
  ON CREATE SET s.name = source, s._entente_created_by = $import
WITH collect(s) AS documents
UNWIND $mentions AS mention
MATCH (n) WHERE elementId(n) = mention.element
MATCH (s:Source {id: mention.source})
MERGE (n)-[m:MENTIONED_IN {id: mention.id}]->(s)
  ON CREATE SET m._entente_created_by = $import, m.sources = [mention.source],
                m.claim = coalesce(n.name, n.id) + ' is mentioned in ' + s.name
RETURN count(m) AS mentions
