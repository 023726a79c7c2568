-- Steerco schema 1: the programme and its use cases.
-- Shipped migrations are never edited; later issues add files after this one.

CREATE TABLE programme (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    currency    TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
    settings    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Human-readable ids (UC-001, later AV-001, EV-001 ...) that users type on the command line.
CREATE TABLE id_sequence (
    kind        TEXT PRIMARY KEY,
    next_value  INTEGER NOT NULL CHECK (next_value > 0)
) STRICT;

CREATE TABLE use_case (
    id                 TEXT PRIMARY KEY NOT NULL,
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    business_unit      TEXT NOT NULL CHECK (length(trim(business_unit)) > 0),
    description        TEXT NOT NULL DEFAULT '',
    executive_sponsor  TEXT CHECK (executive_sponsor IS NULL OR length(trim(executive_sponsor)) > 0),
    product_owner      TEXT CHECK (product_owner IS NULL OR length(trim(product_owner)) > 0),
    lane               TEXT NOT NULL CHECK (lane IN ('portfolio', 'research', 'rejected')),
    stage              TEXT NOT NULL
                       CHECK (stage IN ('discovery', 'architecture', 'data', 'pilot', 'scaled', 'retired')),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    -- Dual ownership: nothing leaves discovery without a sponsor and a product owner.
    CHECK (stage = 'discovery' OR (executive_sponsor IS NOT NULL AND product_owner IS NOT NULL))
) STRICT;

CREATE INDEX use_case_by_lane_stage ON use_case (lane, stage);
