// name: Who invested in whom, and how much
// description: Investments and stakes held (not those only agreed in principle), largest first, with the documents behind each.
// requires: { relationshipTypes: [INVESTED_IN] }
// parameters:
//   - { name: minAmountUsd, type: number, default: 0, description: 'Smallest amount to show, in US dollars' }
MATCH (investor)-[money:INVESTED_IN|STAKE_IN]->(recipient)
WHERE coalesce(money.amountUsd, 0) >= $minAmountUsd
  AND (type(money) <> 'STAKE_IN' OR money.status IS NULL)
RETURN investor, money, recipient,
       money.amountUsd AS amountUsd, money.percent AS percent, money.qualifier AS qualifier, money.sources AS sources
ORDER BY amountUsd DESC
