// name: Figures the documents disagree on
// description: Pairs of claims of the same kind about the same parties whose amounts or percentages differ, each with its sources.
// requires: { relationshipTypes: [INVESTED_IN, MENTIONED_IN] }
// parameters: []
MATCH (a)-[first]->(b)<-[second]-(a)
WHERE type(first) = type(second) AND elementId(first) < elementId(second)
  AND (first.amountUsd <> second.amountUsd OR first.percent <> second.percent)
RETURN a, first, second, b,
       first.claim AS claim1, first.sources AS sources1, second.claim AS claim2, second.sources AS sources2
