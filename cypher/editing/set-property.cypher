// One edited property (the `set` slot of the editing statements): `variable.key` takes the value's
// expression (editing/value*.cypher), which reads $values.
SET {{name:variable}}.{{name:key}} = {{cypher:value}}
