// The property keys some node or relationship has now (db.propertyKeys() also lists keys of deleted
// data). Read only on graphs small enough to read whole: see Catalog.keysInUse().
CALL () {
  MATCH (n) WHERE NOT n:_EntenteSavedQuery
  UNWIND keys(n) AS key
  RETURN collect(DISTINCT key) AS nodeKeys
}
CALL () {
  MATCH ()-[r]->()
  UNWIND keys(r) AS key
  RETURN collect(DISTINCT key) AS relationshipKeys
}
RETURN nodeKeys + [key IN relationshipKeys WHERE NOT key IN nodeKeys] AS keys
