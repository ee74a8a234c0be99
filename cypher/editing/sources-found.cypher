// Which of $ids are Source documents.
MATCH (s:Source) WHERE s.id IN $ids
RETURN collect(s.id) AS found
