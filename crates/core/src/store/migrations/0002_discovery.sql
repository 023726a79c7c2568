-- Steerco schema 2: dossiers, the scoring matrix, payback-gate overrides and workshops.

-- The dossier. Money is in the programme's currency; ratings are 1–5 (a workshop median may
-- fall between two whole numbers). Data readiness and the risk class stay NULL until assessed.
ALTER TABLE use_case ADD COLUMN workflow TEXT NOT NULL DEFAULT '';
ALTER TABLE use_case ADD COLUMN annual_value REAL NOT NULL DEFAULT 0 CHECK (annual_value >= 0);
ALTER TABLE use_case ADD COLUMN one_time_cost REAL NOT NULL DEFAULT 0 CHECK (one_time_cost >= 0);
ALTER TABLE use_case ADD COLUMN monthly_run_cost REAL NOT NULL DEFAULT 0 CHECK (monthly_run_cost >= 0);
ALTER TABLE use_case ADD COLUMN value_rating REAL NOT NULL DEFAULT 3 CHECK (value_rating BETWEEN 1 AND 5);
ALTER TABLE use_case ADD COLUMN criticality_rating REAL NOT NULL DEFAULT 3 CHECK (criticality_rating BETWEEN 1 AND 5);
ALTER TABLE use_case ADD COLUMN guardrail_rating REAL NOT NULL DEFAULT 3 CHECK (guardrail_rating BETWEEN 1 AND 5);
ALTER TABLE use_case ADD COLUMN data_readiness INTEGER CHECK (data_readiness BETWEEN 1 AND 5);
ALTER TABLE use_case ADD COLUMN data_readiness_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE use_case ADD COLUMN risk_class TEXT CHECK (risk_class IN ('minimal', 'limited', 'high', 'prohibited'));
ALTER TABLE use_case ADD COLUMN risk_notes TEXT NOT NULL DEFAULT '';

-- The scoring matrix: one row per criterion. The set of criteria is fixed (the CSV columns and
-- the CLI name them); their names, weights and directions are the programme's to set.
CREATE TABLE criterion (
    key        TEXT PRIMARY KEY CHECK (key IN ('value', 'criticality', 'guardrail')),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    weight     INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
    direction  TEXT NOT NULL CHECK (direction IN ('benefit', 'cost')),
    position   INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO criterion (key, name, weight, direction, position) VALUES
    ('value', 'Annualised value', 40, 'benefit', 1),
    ('criticality', 'Process criticality', 30, 'benefit', 2),
    ('guardrail', 'Guardrail complexity', 30, 'cost', 3);

-- A named person's decision to keep a use case in the portfolio lane although it fails the
-- payback gate. Rows are never deleted: revoking stamps revoked_at, so the history stays.
CREATE TABLE lane_override (
    id           INTEGER PRIMARY KEY,
    use_case_id  TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    decided_by   TEXT NOT NULL CHECK (length(trim(decided_by)) > 0),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    decided_at   TEXT NOT NULL,
    revoked_by   TEXT,
    revoked_at   TEXT
) STRICT;

CREATE UNIQUE INDEX lane_override_one_active ON lane_override (use_case_id) WHERE revoked_at IS NULL;

CREATE TABLE workshop (
    id           TEXT PRIMARY KEY NOT NULL,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    held_on      TEXT NOT NULL CHECK (date(held_on) IS held_on),
    facilitator  TEXT NOT NULL CHECK (length(trim(facilitator)) > 0),
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE workshop_participant (
    workshop_id  TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position     INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, name)
) STRICT;

-- The dossier's ratings when the workshop took the case on: restored if every workshop rating
-- of a criterion is withdrawn, so a mis-click cannot leave a stray median behind.
CREATE TABLE workshop_use_case (
    workshop_id         TEXT NOT NULL REFERENCES workshop (id) ON DELETE CASCADE,
    use_case_id         TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,
    value_before        REAL NOT NULL,
    criticality_before  REAL NOT NULL,
    guardrail_before    REAL NOT NULL,
    PRIMARY KEY (workshop_id, use_case_id)
) STRICT;

-- Who rated what: one participant's rating of one criterion of one use case.
CREATE TABLE workshop_rating (
    workshop_id  TEXT NOT NULL,
    participant  TEXT NOT NULL,
    use_case_id  TEXT NOT NULL,
    criterion    TEXT NOT NULL REFERENCES criterion (key),
    rating       INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    source       TEXT NOT NULL CHECK (source IN ('screen', 'sheet')),
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (workshop_id, participant, use_case_id, criterion),
    FOREIGN KEY (workshop_id, participant) REFERENCES workshop_participant (workshop_id, name) ON DELETE CASCADE,
    FOREIGN KEY (workshop_id, use_case_id) REFERENCES workshop_use_case (workshop_id, use_case_id) ON DELETE CASCADE
) STRICT;
