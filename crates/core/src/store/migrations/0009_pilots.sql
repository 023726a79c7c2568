-- Steerco schema 9: pilots. One pilot per use case: the constrained workflow in scope and its
-- protocols (training, fallback, evaluation with acceptance thresholds), rolled out in phases.
CREATE TABLE pilot (
    id                     TEXT PRIMARY KEY,
    use_case_id            TEXT NOT NULL UNIQUE REFERENCES use_case (id) ON DELETE CASCADE,
    workflow               TEXT NOT NULL CHECK (length(trim(workflow)) > 0),
    training_audience      TEXT NOT NULL DEFAULT '',
    training_materials     TEXT NOT NULL DEFAULT '',
    training_delivered_on  TEXT,
    fallback_process       TEXT NOT NULL DEFAULT '',
    fallback_trigger       TEXT NOT NULL DEFAULT '',
    fallback_owner         TEXT NOT NULL DEFAULT '',
    evaluation_suite       TEXT NOT NULL DEFAULT '',
    created_by             TEXT NOT NULL,
    created_at             TEXT NOT NULL
) STRICT;

-- The evaluation protocol's metrics: what a phase's evaluation must reach.
CREATE TABLE pilot_acceptance (
    pilot_id          TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    metric            TEXT NOT NULL CHECK (length(trim(metric)) > 0),
    threshold         REAL NOT NULL,
    higher_is_better  INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
    PRIMARY KEY (pilot_id, metric)
) STRICT;

CREATE TABLE pilot_phase (
    id             TEXT PRIMARY KEY,
    pilot_id       TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    audience       TEXT NOT NULL CHECK (length(trim(audience)) > 0),
    planned_start  TEXT NOT NULL,
    planned_end    TEXT NOT NULL,
    actual_start   TEXT,
    actual_end     TEXT,
    status         TEXT NOT NULL CHECK (status IN ('planned', 'running', 'done', 'stopped')),
    stop_reason    TEXT,
    -- Who is accountable and how they intervene for this audience, where it differs from the
    -- use case's oversight plan.
    oversight_note TEXT NOT NULL DEFAULT '',
    UNIQUE (pilot_id, position)
) STRICT;
