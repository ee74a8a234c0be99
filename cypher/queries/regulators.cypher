// name: Regulators and what they looked at
// description: Every regulator or public authority and the deals, events and projects it investigated, pressured or must approve.
// requires: { labels: [Regulator] }
// parameters: []
MATCH (regulator:Regulator)-[action]->(subject)
WHERE type(action) <> 'MENTIONED_IN'
RETURN regulator, action, subject, type(action) AS what, action.claim AS claim
ORDER BY regulator.name, what
