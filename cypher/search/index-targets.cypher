// What Entente's own full-text index covers: every label of the database (Entente's own excepted), and
// those of the display properties $keys that the database uses.
CALL () {
  CALL db.labels() YIELD label
  WITH label WHERE label <> '_EntenteSavedQuery'
  RETURN collect(label) AS labels
}
CALL () {
  CALL db.propertyKeys() YIELD propertyKey
  WITH propertyKey WHERE propertyKey IN $keys
  RETURN collect(propertyKey) AS keys
}
RETURN labels, keys
