// The nodes that API keys name, each with its key.
{{cypher:resolveIds}}
RETURN key, n
