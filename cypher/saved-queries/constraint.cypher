CREATE CONSTRAINT entente_saved_query_id IF NOT EXISTS FOR (q:_EntenteSavedQuery) REQUIRE q.id IS UNIQUE
