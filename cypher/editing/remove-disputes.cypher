// Undoes the group a new version gave an older record that had none.
MATCH ()-[r]->() WHERE elementId(r) = $key
REMOVE r.disputes
