INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::audit_log, $1::json)
