// The nodes that values name by `key`, whatever their label (a file that does not say): a scan.
UNWIND $values AS value
OPTIONAL MATCH (n) WHERE n.{{name:key}} = value
WITH value, collect(elementId(n)) AS elements
RETURN value, size(elements) AS matches, elements[..3] AS elements
