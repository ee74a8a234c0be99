-- Mappings of imports saved under a name for reuse (explorer, API and `npm run import -- FILE --mapping NAME`).
-- `version` counts changes: a save or delete names the version it saw (409 otherwise).

CREATE TABLE import_mappings (
  name text PRIMARY KEY CHECK (char_length(name) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '',
  mapping jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  owner_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
