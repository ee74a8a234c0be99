// validAsOf(relationship): whether a relationship holds on $asOf (true when $asOf is null): it has begun
// (start <= $asOf) and not ended ($asOf < end); a missing or undated bound is open. Its start and end are
// `since` and `until` unless $dating names other properties for its type (relationship-start.cypher).
($asOf IS NULL OR (coalesce(dateOf(relationshipStart(item)) <= $asOf, true)
                   AND coalesce(dateOf(relationshipEnd(item)) > $asOf, true)))
