// The page of nodes/neighbours-unfiltered.cypher on a database with a stored degree order: read in that
// order when `stored` (nodes/stored-order-page.cypher), counted otherwise (nodes/counted-page.cypher).
{{cypher:stored}}
UNION ALL
{{cypher:counted}}
