-- Taken before a change that could leave no admin: two such changes at once wait for each other.
SELECT id FROM users WHERE role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE
