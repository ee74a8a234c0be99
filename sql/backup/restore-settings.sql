INSERT INTO settings SELECT * FROM json_populate_recordset(NULL::settings, $1::json)
