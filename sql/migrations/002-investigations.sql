-- Investigations: an analyst's saved canvas, its versions, who it is shared with, and its notes.

CREATE TABLE investigations (
  -- Short and unguessable enough for a URL (/i/k3x9q2ab); never reused.
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  -- Null once its owner's account is gone and before an admin takes it: admins see it then.
  owner_id uuid REFERENCES users (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  -- The current view in full, so that opening one reads one row; older versions are deltas.
  view jsonb NOT NULL,
  node_count integer NOT NULL,
  -- Every relationship among its nodes when they were last saved (drawn or not): one there now and not here
  -- was added since, which opening it says.
  known_relationships text[] NOT NULL DEFAULT '{}',
  -- Who may open it without a share: nobody else, anyone signed in, or anyone (where an admin allows it).
  link_access text NOT NULL DEFAULT 'none' CHECK (link_access IN ('none', 'signed-in', 'public')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX investigations_recent ON investigations (updated_at DESC, id DESC);
CREATE INDEX investigations_owner ON investigations (owner_id, updated_at DESC, id DESC);

CREATE TABLE investigation_versions (
  investigation_id text NOT NULL REFERENCES investigations (id) ON DELETE CASCADE,
  version integer NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author text NOT NULL,
  title text NOT NULL,
  description text NOT NULL,
  -- A full view at the first version and whenever the deltas since the last one outweigh it; between them, what
  -- changed since the
  -- version before (a jsondiffpatch delta), so a hundred saves that move one node store a hundred small rows.
  snapshot jsonb,
  delta jsonb,
  node_count integer NOT NULL,
  PRIMARY KEY (investigation_id, version),
  CHECK ((snapshot IS NULL) <> (delta IS NULL))
);

CREATE TABLE investigation_shares (
  investigation_id text NOT NULL REFERENCES investigations (id) ON DELETE CASCADE,
  grantee_kind text NOT NULL CHECK (grantee_kind IN ('user', 'role')),
  -- A user's id, or a role's name.
  grantee text NOT NULL,
  access text NOT NULL CHECK (access IN ('viewer', 'editor')),
  PRIMARY KEY (investigation_id, grantee_kind, grantee)
);
CREATE INDEX investigation_shares_grantee ON investigation_shares (grantee_kind, grantee);

CREATE TABLE annotations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  investigation_id text NOT NULL REFERENCES investigations (id) ON DELETE CASCADE,
  target_kind text NOT NULL CHECK (target_kind IN ('node', 'relationship', 'canvas')),
  target_id text,
  text text NOT NULL,
  -- Ids of the graph's source documents the note cites.
  sources text[] NOT NULL DEFAULT '{}',
  -- Its place in present mode; null when the note is not presented.
  step integer,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Kept (not deleted) so that comparing two versions can say which notes changed between them.
  deleted_at timestamptz,
  CHECK ((target_kind = 'canvas') = (target_id IS NULL))
);
CREATE INDEX annotations_investigation ON annotations (investigation_id, created_at);
