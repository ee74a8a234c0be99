// The `labels` slot of merges/restore-keep.cypher: the kept node loses the labels the merge gave it ($added).
REMOVE k:$($added)
