-- Steerco schema 6: mistakes can be undone, and a compliance officer can say no.
--
-- A use case created by mistake is withdrawn, not deleted: it leaves the portfolio's lists but
-- keeps its row (and so its audit trail and any sign-off) and can be restored. Who created a
-- case is kept with it, because its creator may withdraw it without being an administrator.
ALTER TABLE use_case ADD COLUMN created_by TEXT;
ALTER TABLE use_case ADD COLUMN withdrawn_at TEXT;
ALTER TABLE use_case ADD COLUMN withdrawn_by TEXT;
ALTER TABLE use_case ADD COLUMN withdrawn_reason TEXT;
CREATE INDEX use_case_withdrawn ON use_case (withdrawn_at) WHERE withdrawn_at IS NOT NULL;

-- Earlier cases: their creator is whoever the trail recorded creating them.
UPDATE use_case SET created_by = (
    SELECT a.actor FROM audit a
    WHERE a.entity_kind = 'use_case' AND a.entity_id = use_case.id AND a.operation = 'insert'
    ORDER BY a.id LIMIT 1
);

-- A compliance officer's refusal to sign, with the reason and the content they were shown:
-- the record stays in the queue, marked declined, until its content changes or it is signed.
CREATE TABLE signoff_decline (
    id              TEXT PRIMARY KEY,
    entity_kind     TEXT NOT NULL CHECK (entity_kind IN ('use_case', 'adapter_version', 'evaluation')),
    entity_id       TEXT NOT NULL,
    declined_by     TEXT NOT NULL CHECK (length(trim(declined_by)) > 0),
    person_id       TEXT NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    declined_at     TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    content_sha256  TEXT NOT NULL
) STRICT;
CREATE INDEX signoff_decline_by_entity ON signoff_decline (entity_id, declined_at);
