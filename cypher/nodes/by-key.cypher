// The nodes that API keys name, each with its key.
// @resolve-ids
RETURN key, n
