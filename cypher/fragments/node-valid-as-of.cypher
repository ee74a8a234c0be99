// nodeValidAsOf(node): validAsOf for a node, dated by `since`/`until` or by the properties $dating names
// for one of its labels (node-start.cypher).
($asOf IS NULL OR (coalesce(dateOf(nodeStart(item)) <= $asOf, true) AND coalesce(dateOf(nodeEnd(item)) > $asOf, true)))
