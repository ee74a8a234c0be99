// name: Figures the documents disagree on
// description: "Facts that sources state differently (relationships sharing a `disputes` key), one row per version with its figures, qualifier and sources, never averaged. Figures of different periods, such as one year's payment beside the next, are not a disagreement and are not listed."
// parameters: []
MATCH (a)-[version]->(b)
WHERE version.disputes IS NOT NULL
RETURN toString(version.disputes) AS fact, a, version, b,
       [key IN keys(version) WHERE valueType(version[key]) IN ['INTEGER NOT NULL', 'FLOAT NOT NULL']
        | {figure: key, value: version[key]}] AS figures,
       version.qualifier AS qualifier, version.sources AS sources, version.claim AS claim
ORDER BY fact, elementId(version)
