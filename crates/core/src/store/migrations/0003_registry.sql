-- Steerco schema 3: the governance registry. Policies, data sources and packs, LoRA adapters and
-- their versions (as read from PEFT folders), evaluations, deployments. Lineage is derived from
-- these links, never stored separately, so it cannot disagree with them.

CREATE TABLE policy (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body          TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL CHECK (category IN
                      ('acceptable_data_sources', 'rl_boundaries', 'prompt_management', 'other')),
    owner         TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    effective_on  TEXT NOT NULL,
    version       TEXT NOT NULL CHECK (length(trim(version)) > 0),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- policy_id names the policy under which the source is acceptable; NULL means no policy accepts
-- it, which `lineage --check` reports for any deployed adapter trained on it.
CREATE TABLE data_source (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    system          TEXT NOT NULL CHECK (length(trim(system)) > 0),
    owner           TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    classification  TEXT NOT NULL CHECK (classification IN ('public', 'internal', 'confidential', 'personal')),
    policy_id       TEXT REFERENCES policy (id) ON DELETE RESTRICT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE data_pack (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
    version        TEXT NOT NULL CHECK (length(trim(version)) > 0),
    curated_by     TEXT NOT NULL CHECK (length(trim(curated_by)) > 0),
    record_count   INTEGER NOT NULL CHECK (record_count >= 0),
    personal_data  TEXT NOT NULL CHECK (personal_data IN ('none', 'pseudonymised', 'personal')),
    file_name      TEXT,
    file_sha256    TEXT CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
    file_bytes     INTEGER,
    approved_by    TEXT,
    approved_on    TEXT,
    created_at     TEXT NOT NULL,
    UNIQUE (name, version),
    CHECK ((approved_by IS NULL) = (approved_on IS NULL))
) STRICT;

CREATE TABLE data_pack_source (
    data_pack_id  TEXT NOT NULL REFERENCES data_pack (id) ON DELETE CASCADE,
    source_id     TEXT NOT NULL REFERENCES data_source (id) ON DELETE RESTRICT,
    PRIMARY KEY (data_pack_id, source_id)
) STRICT;

CREATE TABLE adapter (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    use_case_id  TEXT REFERENCES use_case (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL
) STRICT;

-- One imported PEFT folder. The LoRA hyper-parameters are columns because they are compared and
-- shown everywhere; config_json keeps the whole adapter_config.json, unknown keys included.
-- tensor_count and parameters are NULL when only adapter_model.bin was found (not parsed).
CREATE TABLE adapter_version (
    id               TEXT PRIMARY KEY,
    adapter_id       TEXT NOT NULL REFERENCES adapter (id) ON DELETE CASCADE,
    version          TEXT NOT NULL,
    semver_major     INTEGER NOT NULL,
    semver_minor     INTEGER NOT NULL,
    semver_patch     INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('candidate', 'approved', 'deployed', 'retired')),
    peft_type        TEXT NOT NULL,
    base_model       TEXT NOT NULL,
    revision         TEXT,
    r                INTEGER NOT NULL CHECK (r > 0),
    lora_alpha       REAL NOT NULL,
    lora_dropout     REAL,
    target_modules   TEXT NOT NULL,
    bias             TEXT,
    use_rslora       INTEGER NOT NULL DEFAULT 0,
    use_dora         INTEGER NOT NULL DEFAULT 0,
    task_type        TEXT,
    config_json      TEXT NOT NULL,
    weights_file     TEXT NOT NULL,
    weights_format   TEXT NOT NULL CHECK (weights_format IN ('safetensors', 'pickle')),
    file_bytes       INTEGER NOT NULL,
    sha256           TEXT NOT NULL CHECK (length(sha256) = 64),
    tensor_count     INTEGER,
    parameters       INTEGER,
    dtypes           TEXT NOT NULL DEFAULT '[]',
    training_params  TEXT NOT NULL DEFAULT '{}',
    source_dir       TEXT NOT NULL,
    imported_by      TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    UNIQUE (adapter_id, version)
) STRICT;

CREATE TABLE adapter_version_data_pack (
    adapter_version_id  TEXT NOT NULL REFERENCES adapter_version (id) ON DELETE CASCADE,
    data_pack_id        TEXT NOT NULL REFERENCES data_pack (id) ON DELETE RESTRICT,
    PRIMARY KEY (adapter_version_id, data_pack_id)
) STRICT;

CREATE TABLE evaluation (
    id                  TEXT PRIMARY KEY,
    adapter_version_id  TEXT NOT NULL REFERENCES adapter_version (id) ON DELETE CASCADE,
    format              TEXT NOT NULL CHECK (format IN ('lm_eval', 'csv', 'mlflow')),
    title               TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    sha256              TEXT NOT NULL CHECK (length(sha256) = 64),
    run_on              TEXT NOT NULL,
    run_by              TEXT NOT NULL CHECK (length(trim(run_by)) > 0),
    imported_at         TEXT NOT NULL
) STRICT;

CREATE TABLE evaluation_metric (
    evaluation_id     TEXT NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    suite             TEXT NOT NULL,
    metric            TEXT NOT NULL,
    value             REAL NOT NULL,
    stderr            REAL,
    higher_is_better  INTEGER,
    PRIMARY KEY (evaluation_id, position),
    UNIQUE (evaluation_id, suite, metric)
) STRICT;

-- The evaluation a use case's later adapters are compared against (one per use case).
CREATE TABLE use_case_baseline (
    use_case_id    TEXT PRIMARY KEY REFERENCES use_case (id) ON DELETE CASCADE,
    evaluation_id  TEXT NOT NULL REFERENCES evaluation (id) ON DELETE CASCADE,
    marked_by      TEXT NOT NULL,
    marked_at      TEXT NOT NULL
) STRICT;

CREATE TABLE deployment (
    id                  TEXT PRIMARY KEY,
    adapter_version_id  TEXT NOT NULL REFERENCES adapter_version (id) ON DELETE CASCADE,
    target              TEXT NOT NULL CHECK (length(trim(target)) > 0),
    deployed_on         TEXT NOT NULL,
    approved_by         TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
    created_at          TEXT NOT NULL
) STRICT;

CREATE INDEX adapter_version_by_adapter ON adapter_version (adapter_id);
CREATE INDEX evaluation_by_version ON evaluation (adapter_version_id);
CREATE INDEX deployment_by_version ON deployment (adapter_version_id);
