// The default dataset's model: a fact's nodes are mentioned in the documents that state it.
MATCH (n) WHERE elementId(n) IN $keys
MATCH (s:Source) WHERE s.id IN $sources
MERGE (n)-[m:MENTIONED_IN]->(s)
ON CREATE SET m.id = coalesce(toString(n.id), elementId(n)) + '_mentioned_in_' + s.id, m.sources = [s.id],
  m.claim = coalesce(n.name, n.id, 'It') + ' is mentioned in ' + coalesce(s.name, s.id)
