MATCH ()-[r]->() WHERE elementId(r) = $key
DELETE r
