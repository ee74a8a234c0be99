INSERT INTO users SELECT * FROM json_populate_recordset(NULL::users, $1::json)
