INSERT INTO investigation_shares SELECT * FROM json_populate_recordset(NULL::investigation_shares, $1::json)
