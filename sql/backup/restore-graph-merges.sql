INSERT INTO graph_merges SELECT * FROM json_populate_recordset(NULL::graph_merges, $1::json)
