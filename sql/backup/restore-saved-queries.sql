INSERT INTO saved_queries SELECT * FROM json_populate_recordset(NULL::saved_queries, $1::json)
