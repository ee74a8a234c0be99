// Drops the stored degree order's index (entente_degree_order), before it is made again for another label.
DROP INDEX entente_degree_order IF EXISTS
