-- Imports of files into the graph: one job per import (owner, file, mapping, counts, rejected rows,
-- duration, status), and what each import overwrote on what was there before it, so that a rollback
-- restores it exactly.

CREATE TABLE imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  owner_name text NOT NULL,
  file_name text NOT NULL,
  file_bytes bigint NOT NULL,
  format text NOT NULL,
  encoding text,
  mapping jsonb NOT NULL,
  dry_run boolean NOT NULL,
  rejected_rows text NOT NULL CHECK (rejected_rows IN ('skip', 'fail')),
  status text NOT NULL
    CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'rolling-back', 'rolled-back', 'interrupted')),
  cancel_requested boolean NOT NULL DEFAULT false,
  rows_done bigint NOT NULL DEFAULT 0,
  bytes_done bigint NOT NULL DEFAULT 0,
  counts jsonb NOT NULL DEFAULT '{}',
  -- Every rejected row, {line, reason}, up to 10,000 (error_count counts them all).
  errors jsonb NOT NULL DEFAULT '[]',
  error_count bigint NOT NULL DEFAULT 0,
  -- Rows whose ends (or id) match several nodes: {line, value, matches, candidates}.
  ambiguous jsonb NOT NULL DEFAULT '[]',
  -- Labels and relationship types the import wrote: where a rollback looks for what it made.
  written jsonb NOT NULL DEFAULT '{"labels": [], "types": []}',
  failure text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  heartbeat_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imports_created ON imports (created_at DESC);
-- One import (or rollback) writes to the graph at a time, across every Entente instance on this store:
-- a second one is refused (409) rather than interleaved with it.
CREATE UNIQUE INDEX imports_one_writer ON imports ((true)) WHERE status IN ('running', 'rolling-back') AND NOT dry_run;

CREATE TABLE import_changes (
  import_id uuid NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  element_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('node', 'relationship')),
  -- What each key held before the import (a typed JSON value, null where the key was absent).
  before jsonb NOT NULL,
  added_labels text[] NOT NULL DEFAULT '{}',
  seq bigserial,
  PRIMARY KEY (import_id, element_id)
);
