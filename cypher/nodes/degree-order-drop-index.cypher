// Drops the stored degree order's index, before it is made again for another label.
DROP INDEX {{name:index}} IF EXISTS
