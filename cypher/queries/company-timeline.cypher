// name: Timeline of a company
// description: Dated events and deals around a company between two dates.
// requires: { labels: [Event, Deal] }
// parameters:
//   - { name: company, type: nodeId, default: openai, description: 'The company' }
//   - { name: from, type: date, default: '2015-01-01', description: 'First day' }
//   - { name: to, type: date, default: '2025-12-31', description: 'Last day' }
MATCH (company)-[link]-(item)
WHERE elementId(company) = $company AND (item:Event OR item:Deal)
  AND dateOf(item.since) >= $from AND dateOf(item.since) <= $to
RETURN company, link, item, toString(item.since) AS date, item.sincePrecision AS precision, item.name AS what
ORDER BY item.since
