// name: All deals of a company over time
// description: Every deal a company is party to, in date order, with its role, type and amount.
// parameters:
//   - { name: company, type: nodeId, default: microsoft, description: 'The company' }
MATCH (company {id: $company})-[party:PARTY_TO]->(deal:Deal)
RETURN company, party, deal,
       toString(coalesce(deal.since, party.since)) AS since, party.role AS role, deal.dealType AS dealType,
       deal.amountUsd AS amountUsd, deal.status AS status
ORDER BY coalesce(deal.since, party.since), deal.name
