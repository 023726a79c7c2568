-- Steerco schema 8: a use case's architecture blueprint, in four parts (policy guardrails, the
-- launch version, security overlays, monitoring). A part's content is kept as JSON because its
-- shape is the part's own and is read whole; the owner and the review stamp are columns because
-- the launch readiness gate asks for them. Saving a changed part clears its review stamp.
CREATE TABLE blueprint_part (
    use_case_id   TEXT NOT NULL REFERENCES use_case (id) ON DELETE CASCADE,
    part          TEXT NOT NULL CHECK (part IN ('policies', 'registry', 'security', 'monitoring')),
    owner         TEXT NOT NULL DEFAULT '',
    content_json  TEXT NOT NULL CHECK (json_valid(content_json)),
    updated_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    reviewed_by   TEXT,
    reviewed_at   TEXT,
    PRIMARY KEY (use_case_id, part)
) STRICT;
