// Links nodes of one kind to the documents that mention them, so a Source can be expanded like any node.
UNWIND $rows AS row
MATCH (n:{{name:label}} {id: row.id})
MATCH (s:Source {id: row.source})
MERGE (n)-[r:MENTIONED_IN {id: row.id + '_mentioned_in_' + row.source}]->(s)
SET r.sources = [row.source],
    r.claim = n.name + ' is mentioned in ' + s.name
