INSERT INTO graph_edits SELECT * FROM json_populate_recordset(NULL::graph_edits, $1::json)
