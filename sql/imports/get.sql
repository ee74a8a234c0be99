SELECT * FROM imports WHERE id = $1
