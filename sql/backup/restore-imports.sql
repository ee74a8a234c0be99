INSERT INTO imports SELECT * FROM json_populate_recordset(NULL::imports, $1::json)
