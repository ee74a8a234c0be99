// name: All deals of a company over time
// description: Every deal a company is party to, oldest first, with its role, kind and amount.
// requires: { labels: [Deal], relationshipTypes: [PARTY_TO] }
// parameters:
//   - { name: company, type: nodeId, default: microsoft, description: 'The company' }
MATCH (company)-[party:PARTY_TO]->(deal:Deal)
WHERE elementId(company) = $company
RETURN company, party, deal,
       toString(coalesce(deal.since, party.since)) AS since, party.role AS role, deal.dealType AS dealType,
       deal.amountUsd AS amountUsd, deal.status AS status
ORDER BY coalesce(deal.since, party.since), deal.name
