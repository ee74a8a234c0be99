INSERT INTO annotations SELECT * FROM json_populate_recordset(NULL::annotations, $1::json)
