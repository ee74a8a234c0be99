INSERT INTO import_changes SELECT * FROM json_populate_recordset(NULL::import_changes, $1::json)
