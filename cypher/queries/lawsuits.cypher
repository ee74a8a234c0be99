// name: Lawsuits and complaints
// description: Suits filed or contemplated, who brings them, whom they target and what they concern.
// requires: { labels: [Lawsuit] }
// parameters: []
MATCH (lawsuit:Lawsuit)
OPTIONAL MATCH (lawsuit)-[link]-(party)
WHERE type(link) <> 'MENTIONED_IN'
RETURN lawsuit, link, party, lawsuit.status AS status, lawsuit.claim AS claim
