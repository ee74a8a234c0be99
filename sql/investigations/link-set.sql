UPDATE investigations SET link_access = $2 WHERE id = $1
