// name: Who invested in whom, and how much
// description: Investments, stakes held and funding commitments, largest first, with the documents behind each.
// requires: { relationshipTypes: [INVESTED_IN] }
// parameters:
//   - { name: minAmountUsd, type: number, default: 0, description: 'Smallest amount to show, in US dollars' }
MATCH (investor)-[money:INVESTED_IN|COMMITTED_FUNDING_TO|STAKE_IN]->(recipient)
WHERE coalesce(money.amountUsd, 0) >= $minAmountUsd
  AND (type(money) <> 'STAKE_IN' OR money.stance = 'held')
RETURN investor, money, recipient,
       money.amountUsd AS amountUsd, money.percent AS percent, money.qualifier AS qualifier, money.sources AS sources
ORDER BY amountUsd DESC
