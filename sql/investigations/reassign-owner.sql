-- A departing user's investigations pass to the admin who removes the account (or to admins as a group).
UPDATE investigations SET owner_id = $2 WHERE owner_id = $1 RETURNING id
