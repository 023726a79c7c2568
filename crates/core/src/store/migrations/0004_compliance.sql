-- Steerco schema 4: people and roles, sign-offs bound to content, risk controls and the
-- tamper-evident audit trail.

-- People who work on this portfolio. Accountability on a shared laptop, not a login: choosing
-- who is working is trusted, and every change records that name.
CREATE TABLE person (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE person_role (
    person_id  TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    role       TEXT NOT NULL CHECK (role IN
                   ('consultant', 'compliance_officer', 'executive', 'product_owner', 'administrator')),
    PRIMARY KEY (person_id, role)
) STRICT;

-- A sign-off names what was signed by the SHA-256 of its canonical JSON (content_json keeps that
-- JSON, so a later change can be shown as a diff). Rows are never updated: signing again adds one.
CREATE TABLE signoff (
    id              TEXT PRIMARY KEY,
    entity_kind     TEXT NOT NULL CHECK (entity_kind IN ('use_case', 'adapter_version', 'evaluation')),
    entity_id       TEXT NOT NULL,
    signed_by       TEXT NOT NULL,
    role            TEXT NOT NULL,
    signed_at       TEXT NOT NULL,
    comment         TEXT NOT NULL DEFAULT '',
    content_sha256  TEXT NOT NULL CHECK (length(content_sha256) = 64),
    content_json    TEXT NOT NULL
) STRICT;

CREATE INDEX signoff_by_entity ON signoff (entity_id, signed_at);

-- Human oversight of a use case: who is accountable, how to intervene, who runs the fallback and
-- how quickly someone must be able to step in.
CREATE TABLE oversight (
    use_case_id               TEXT PRIMARY KEY REFERENCES use_case (id) ON DELETE CASCADE,
    accountable_person        TEXT NOT NULL DEFAULT '',
    intervention_procedure    TEXT NOT NULL DEFAULT '',
    fallback_owner            TEXT NOT NULL DEFAULT '',
    max_intervention_minutes  INTEGER CHECK (max_intervention_minutes IS NULL OR max_intervention_minutes > 0),
    updated_at                TEXT NOT NULL
) STRICT;

-- A bias check's figures are kept as computed (result_json) with the input file's hash, the
-- threshold and the reason for that threshold.
CREATE TABLE bias_check (
    id                   TEXT PRIMARY KEY,
    use_case_id          TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    adapter_version_id   TEXT REFERENCES adapter_version (id) ON DELETE SET NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('demographic_parity', 'adversarial_prompts')),
    title                TEXT NOT NULL,
    threshold            REAL NOT NULL,
    threshold_rationale  TEXT NOT NULL CHECK (length(trim(threshold_rationale)) > 0),
    file_name            TEXT NOT NULL,
    sha256               TEXT NOT NULL CHECK (length(sha256) = 64),
    result_json          TEXT NOT NULL,
    passed               INTEGER NOT NULL CHECK (passed IN (0, 1)),
    run_by               TEXT NOT NULL,
    checked_at           TEXT NOT NULL
) STRICT;

CREATE TABLE risk (
    id           TEXT PRIMARY KEY,
    use_case_id  TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    likelihood   INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact       INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    owner        TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    mitigation   TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('open', 'mitigating', 'accepted', 'closed')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

-- The audit trail. `id` keeps the physical order rows were written in, `seq` the chain order:
-- a reordered, inserted or deleted row shows as a mismatch between the two or a broken link.
CREATE TABLE audit (
    id           INTEGER PRIMARY KEY,
    seq          INTEGER NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    operation    TEXT NOT NULL,
    entity_kind  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    subject      TEXT NOT NULL,
    before       TEXT,
    after        TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
) STRICT;

CREATE INDEX audit_by_entity ON audit (entity_id);
CREATE INDEX audit_by_subject ON audit (subject);

-- The head of the chain, so that deleting the newest records is noticed too.
CREATE TABLE audit_anchor (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
) STRICT;

-- Row changes captured by triggers, waiting to be chained into `audit` before the commit.
CREATE TABLE change_buffer (
    id           INTEGER PRIMARY KEY,
    entity_kind  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    subject      TEXT NOT NULL,
    operation    TEXT NOT NULL,
    before       TEXT,
    after        TEXT
);
