-- Its versions, shares and notes go with it (ON DELETE CASCADE).
DELETE FROM investigations WHERE id = $1 RETURNING id, title, owner_id
