// name: A company's relationships on a date
// description: The relationships of a company that held on a given day (begun, not yet ended).
// parameters:
//   - { name: company, type: nodeId, default: microsoft, description: 'The company' }
//   - { name: date, type: date, default: '2024-01-01', description: 'The day' }
MATCH (company {id: $company})-[link]-(other)
WHERE type(link) <> 'MENTIONED_IN'
  AND coalesce(link.since <= $date, true) AND coalesce(link.until > $date, true)
RETURN company, link, other, type(link) AS relationship, toString(link.since) AS since, toString(link.until) AS until
