// name: Nodes whose property has a value
// description: Nodes of a label whose property equals a value, as it is written (numbers and booleans as text).
// parameters:
//   - { name: label, type: label, description: 'Label' }
//   - { name: key, type: propertyKey, description: 'Property' }
//   - { name: value, type: string, description: 'Value' }
MATCH (n)
WHERE $label IN labels(n)
  AND CASE
        WHEN n[$key] IS :: STRING NOT NULL THEN n[$key] = $value
        WHEN n[$key] IS :: INTEGER NOT NULL OR n[$key] IS :: FLOAT NOT NULL OR n[$key] IS :: BOOLEAN NOT NULL
          THEN toString(n[$key]) = $value
        ELSE false
      END
RETURN n
LIMIT 100
