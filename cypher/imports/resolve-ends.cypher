// The nodes that values name, by `key` among the nodes of `label`: up to three elementIds per value and
// how many matched (none: a missing node; more than one: ambiguous).
UNWIND $values AS value
OPTIONAL MATCH (n:{{name:label}}) WHERE n.{{name:key}} = value
WITH value, collect(elementId(n)) AS elements
RETURN value, size(elements) AS matches, elements[..3] AS elements
