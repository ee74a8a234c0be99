-- The row a save changes, locked until the save commits: concurrent saves at one version queue here.
SELECT id, title, description, version, view FROM investigations WHERE id = $1 FOR UPDATE
