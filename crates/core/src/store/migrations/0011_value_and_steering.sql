-- Steerco schema 11: value tracked month by month, steering meetings that decide, the backlog
-- they authorise from, and the improvement cadence (reviews, forums, enablement).

-- A use case's realised benefit and cost in one month, in minor units (exact), with the month's
-- qualitative highlight and who wrote it. Clustered by use case and month (WITHOUT ROWID): the
-- dashboard reads every case's months in that order.
CREATE TABLE value_month (
    use_case_id   TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    benefit_cents INTEGER NOT NULL CHECK (benefit_cents >= 0),
    cost_cents    INTEGER NOT NULL CHECK (cost_cents >= 0),
    highlight     TEXT NOT NULL DEFAULT '',
    highlight_by  TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL,
    PRIMARY KEY (use_case_id, month)
) STRICT, WITHOUT ROWID;

-- The dashboard's latest highlights without scanning every month.
CREATE INDEX value_month_highlights ON value_month (month DESC, use_case_id) WHERE highlight <> '';

-- A KPI's value in a month (one row per KPI); it belongs to the month and goes with it.
CREATE TABLE value_kpi (
    use_case_id  TEXT NOT NULL,
    month        TEXT NOT NULL,
    kpi          TEXT NOT NULL CHECK (length(trim(kpi)) > 0),
    value        REAL NOT NULL,
    PRIMARY KEY (use_case_id, month, kpi),
    FOREIGN KEY (use_case_id, month) REFERENCES value_month (use_case_id, month) ON DELETE CASCADE
) STRICT;

-- Something anyone may propose for the portfolio; a steering decision authorises it (it then
-- becomes a use case in discovery), defers it or rejects it.
CREATE TABLE backlog_item (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    proposer     TEXT NOT NULL CHECK (length(trim(proposer)) > 0),
    rationale    TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
    sponsor      TEXT,
    -- The rough business case, when the proposer has one (minor units).
    business_unit     TEXT,
    annual_value_cents      INTEGER CHECK (annual_value_cents IS NULL OR annual_value_cents >= 0),
    one_time_cost_cents     INTEGER CHECK (one_time_cost_cents IS NULL OR one_time_cost_cents >= 0),
    monthly_run_cost_cents  INTEGER CHECK (monthly_run_cost_cents IS NULL OR monthly_run_cost_cents >= 0),
    proposed_on  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'authorised', 'deferred', 'rejected')),
    use_case_id  TEXT REFERENCES use_case (id) ON DELETE SET NULL
) STRICT;

-- A monthly steering meeting. Closing it stamps the audit trail's head as it stood, so the
-- minutes anchor the trail outside the file.
CREATE TABLE meeting (
    id          TEXT PRIMARY KEY,
    held_on     TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    closed_at   TEXT,
    closed_by   TEXT,
    audit_seq   INTEGER,
    audit_head  TEXT,
    CHECK ((closed_at IS NULL) = (closed_by IS NULL)),
    CHECK ((closed_at IS NULL) = (audit_head IS NULL)),
    CHECK ((audit_seq IS NULL) = (audit_head IS NULL))
) STRICT;

CREATE TABLE meeting_attendee (
    meeting_id  TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES person (id),
    PRIMARY KEY (meeting_id, person_id)
) STRICT;

-- One agenda item decided: what it was (kind, subject, title and the evidence shown), the
-- decision, its rationale, and what the decision did.
CREATE TABLE meeting_decision (
    id          TEXT PRIMARY KEY,
    meeting_id  TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    item        TEXT NOT NULL CHECK (length(trim(item)) > 0),
    kind        TEXT NOT NULL,
    subject_id  TEXT NOT NULL,
    title       TEXT NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '',
    decision    TEXT NOT NULL CHECK (decision IN ('approve', 'defer', 'stop', 'authorise', 'override')),
    rationale   TEXT NOT NULL CHECK (length(trim(rationale)) > 0),
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    UNIQUE (meeting_id, item)
) STRICT;
CREATE INDEX meeting_decision_by_subject ON meeting_decision (subject_id);

CREATE TABLE meeting_action (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    description  TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner        TEXT NOT NULL REFERENCES person (id),
    due_on       TEXT NOT NULL
) STRICT;

-- The improvement cadence: quarterly reviews, cross-functional forums, enablement sessions.
CREATE TABLE cadence_event (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('quarterly_review', 'forum', 'enablement')),
    held_on      TEXT NOT NULL,
    audience     TEXT NOT NULL CHECK (length(trim(audience)) > 0),
    attendance   INTEGER NOT NULL CHECK (attendance >= 0),
    outcomes     TEXT NOT NULL DEFAULT '',
    recorded_by  TEXT NOT NULL
) STRICT;
