// name: Everything a document supports
// description: The relationships a source document is cited for, with the claim of each.
// requires: { labels: [Source] }
// parameters:
//   - { name: source, type: nodeId, default: 004_7ad8b1a156c96548, description: 'Source document id' }
MATCH (document) WHERE elementId(document) = $source
MATCH (a)-[claim]->(b)
WHERE document.id IN claim.sources AND type(claim) <> 'MENTIONED_IN'
RETURN a, claim, b, type(claim) AS relationship, claim.claim AS says
ORDER BY relationship
