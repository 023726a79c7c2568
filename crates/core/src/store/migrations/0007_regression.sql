-- Steerco schema 7: no expansion without a regression test against the earlier adapter.
--
-- How much worse a metric may get for a use case and still pass the regression gate (absolute,
-- in the metric's unit); a metric without a row here may not get worse at all.
CREATE TABLE regression_tolerance (
    use_case_id  TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    suite        TEXT NOT NULL CHECK (length(trim(suite)) > 0),
    metric       TEXT NOT NULL CHECK (length(trim(metric)) > 0),
    tolerance    REAL NOT NULL CHECK (tolerance >= 0),
    set_by       TEXT NOT NULL CHECK (length(trim(set_by)) > 0),
    set_at       TEXT NOT NULL,
    PRIMARY KEY (use_case_id, suite, metric)
) STRICT;

-- An executive's recorded decision to let something through a gate that refused it, with the
-- rationale and the refusal as it read at the time. Rows are only ever added.
CREATE TABLE gate_decision (
    id           TEXT PRIMARY KEY,
    gate         TEXT NOT NULL CHECK (gate IN ('regression')),
    use_case_id  TEXT REFERENCES use_case (id) ON DELETE SET NULL,
    subject_id   TEXT NOT NULL CHECK (length(trim(subject_id)) > 0),
    decided_by   TEXT NOT NULL CHECK (length(trim(decided_by)) > 0),
    decided_at   TEXT NOT NULL,
    rationale    TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
    refusal      TEXT NOT NULL
) STRICT;
CREATE INDEX gate_decision_by_subject ON gate_decision (subject_id);
