INSERT INTO investigation_versions SELECT * FROM json_populate_recordset(NULL::investigation_versions, $1::json)
