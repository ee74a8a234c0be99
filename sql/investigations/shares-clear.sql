DELETE FROM investigation_shares WHERE investigation_id = $1
