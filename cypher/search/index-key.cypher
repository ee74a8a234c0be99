// One key of search/create-own-index.cypher's list.
n.{{name:key}}
