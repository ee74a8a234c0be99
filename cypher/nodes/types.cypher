// The relationship types an expansion is limited to (nodes/expansion-*.cypher): `:A|B|…`.
:{{name:types}}
