INSERT INTO import_mappings SELECT * FROM json_populate_recordset(NULL::import_mappings, $1::json)
