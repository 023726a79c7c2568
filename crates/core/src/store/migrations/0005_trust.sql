-- Steerco schema 5: exact money, acknowledged outside changes, sign-offs tied to the person who
-- signed, and what `audit verify` needs to compare every row with its last recorded image.
--
-- The migration runner lifts the audit triggers before the migrations run and reinstalls them
-- afterwards, recording each row whose image changed here as part of the upgrade.

-- Money is kept in minor units (cents): sums of value and cost over months are exact, and a
-- variance against the business case never drifts by a rounding error.
ALTER TABLE use_case ADD COLUMN annual_value_cents INTEGER NOT NULL DEFAULT 0 CHECK (annual_value_cents >= 0);
ALTER TABLE use_case ADD COLUMN one_time_cost_cents INTEGER NOT NULL DEFAULT 0 CHECK (one_time_cost_cents >= 0);
ALTER TABLE use_case ADD COLUMN monthly_run_cost_cents INTEGER NOT NULL DEFAULT 0
    CHECK (monthly_run_cost_cents >= 0);
UPDATE use_case SET
    annual_value_cents = CAST(round(annual_value * 100) AS INTEGER),
    one_time_cost_cents = CAST(round(one_time_cost * 100) AS INTEGER),
    monthly_run_cost_cents = CAST(round(monthly_run_cost * 100) AS INTEGER);
ALTER TABLE use_case DROP COLUMN annual_value;
ALTER TABLE use_case DROP COLUMN one_time_cost;
ALTER TABLE use_case DROP COLUMN monthly_run_cost;

-- A change made to the file with another tool is recorded as `unaudited` at the next write; it
-- keeps `audit verify` failing until a compliance officer has looked at it and said why it is
-- acceptable. The acknowledgement is itself a row, so it is on the trail too.
CREATE TABLE audit_acknowledgement (
    seq              INTEGER PRIMARY KEY,
    acknowledged_by  TEXT NOT NULL CHECK (length(trim(acknowledged_by)) > 0),
    acknowledged_at  TEXT NOT NULL,
    comment          TEXT NOT NULL CHECK (length(trim(comment)) > 0)
) STRICT;

-- Who signed, by id as well as by name: a person who signed something cannot be deleted (only
-- made inactive), so every signature keeps pointing at someone the portfolio knows.
ALTER TABLE signoff ADD COLUMN person_id TEXT REFERENCES person (id) ON DELETE RESTRICT;
UPDATE signoff SET person_id = (SELECT p.id FROM person p WHERE p.name = signoff.signed_by);

-- `audit verify` looks up the last record of every row; `audit log --entity` filters by subject.
CREATE INDEX audit_by_kind_entity ON audit (entity_kind, entity_id, id);

-- Changes made outside Steerco are few; `audit verify` lists them without reading the trail.
CREATE INDEX audit_unaudited ON audit (seq) WHERE action = 'unaudited';
