INSERT INTO investigations SELECT * FROM json_populate_recordset(NULL::investigations, $1::json)
