-- Steerco schema 10: a pilot in operation. Its KPIs and incidents; the drift metric's monitored
-- values and the alerts they open; feedback from users, by channel and day.
CREATE TABLE pilot_kpi (
    id                TEXT PRIMARY KEY,
    pilot_id          TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    unit              TEXT NOT NULL CHECK (length(trim(unit)) > 0),
    baseline          REAL NOT NULL,
    target            REAL NOT NULL,
    higher_is_better  INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
    UNIQUE (pilot_id, name)
) STRICT;

CREATE TABLE pilot_incident (
    id            TEXT PRIMARY KEY,
    pilot_id      TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    occurred_on   TEXT NOT NULL,
    severity      TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    compliance    INTEGER NOT NULL CHECK (compliance IN (0, 1)),
    description   TEXT NOT NULL CHECK (length(trim(description)) > 0),
    resolution    TEXT NOT NULL DEFAULT '',
    resolved_on   TEXT,
    recorded_by   TEXT NOT NULL
) STRICT;

-- One value of a monitored metric on a day; a re-import of the same value is no change.
CREATE TABLE monitoring_point (
    pilot_id     TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    metric       TEXT NOT NULL CHECK (length(trim(metric)) > 0),
    observed_on  TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (pilot_id, metric, observed_on)
) STRICT;

-- Feedback received on a day through a channel: how many answers and their mean rating (1–5).
CREATE TABLE feedback_entry (
    pilot_id     TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    received_on  TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (length(trim(channel)) > 0),
    rating       REAL NOT NULL CHECK (rating >= 1 AND rating <= 5),
    count        INTEGER NOT NULL CHECK (count > 0),
    comment      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (pilot_id, received_on, channel)
) STRICT;

-- A monitored value past the blueprint's drift threshold; open until acknowledged with a note.
CREATE TABLE drift_alert (
    id               TEXT PRIMARY KEY,
    pilot_id         TEXT NOT NULL REFERENCES pilot (id) ON DELETE CASCADE,
    metric           TEXT NOT NULL,
    observed_on      TEXT NOT NULL,
    value            REAL NOT NULL,
    threshold        REAL NOT NULL,
    direction        TEXT NOT NULL CHECK (direction IN ('above', 'below')),
    opened_at        TEXT NOT NULL,
    acknowledged_by  TEXT,
    acknowledged_at  TEXT,
    note             TEXT,
    UNIQUE (pilot_id, metric, observed_on),
    CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL)),
    CHECK ((acknowledged_by IS NULL) = (note IS NULL))
) STRICT;
