-- Steerco schema 13: rows added in bulk (a metrics import) are recorded as one `batch` record per
-- subject, mapping each row's key to its image. `audit verify` finds them through this index
-- rather than reading every record of a kind.
CREATE INDEX audit_batches ON audit (entity_kind, id) WHERE operation = 'batch';

-- Derived, not audited (it is rebuilt from value_month, which is): what each use case's months
-- add up to, and the portfolio's realised amounts per month, so the dashboard reads a row per
-- case instead of every month of every case. Kept by the triggers below for every change of a
-- month, whoever makes it; a batch insert (triggers off) refreshes them itself; `audit verify`
-- checks them against the months.
CREATE TABLE value_total (
    use_case_id    TEXT PRIMARY KEY REFERENCES use_case (id) ON DELETE CASCADE,
    months         INTEGER NOT NULL,
    first_month    TEXT NOT NULL,
    last_month     TEXT NOT NULL,
    benefit_cents  INTEGER NOT NULL,
    cost_cents     INTEGER NOT NULL,
    -- The first month cumulative benefit reached cumulative cost, once something was spent.
    payback_month  TEXT
) STRICT;

CREATE TABLE value_portfolio_month (
    month          TEXT PRIMARY KEY,
    benefit_cents  INTEGER NOT NULL,
    cost_cents     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE VIEW value_total_computed AS
    SELECT use_case_id, count(*) AS months, min(month) AS first_month, max(month) AS last_month,
           sum(benefit_cents) AS benefit_cents, sum(cost_cents) AS cost_cents,
           min(CASE WHEN running_cost > 0 AND running_benefit >= running_cost THEN month END) AS payback_month
    FROM (SELECT use_case_id, month, benefit_cents, cost_cents,
                 sum(benefit_cents) OVER w AS running_benefit, sum(cost_cents) OVER w AS running_cost
          FROM value_month WINDOW w AS (PARTITION BY use_case_id ORDER BY month))
    GROUP BY use_case_id;

CREATE VIEW value_portfolio_month_computed AS
    SELECT month, sum(benefit_cents) AS benefit_cents, sum(cost_cents) AS cost_cents
    FROM value_month GROUP BY month;

-- Each change recomputes its use case's row from that case's months alone (a few dozen rows) and
-- moves the month's portfolio sums by the difference.
CREATE TRIGGER value_total_insert AFTER INSERT ON value_month BEGIN
    DELETE FROM value_total WHERE use_case_id = NEW.use_case_id;
    INSERT INTO value_total
        SELECT NEW.use_case_id, count(*), min(month), max(month), sum(benefit_cents), sum(cost_cents),
               min(CASE WHEN running_cost > 0 AND running_benefit >= running_cost THEN month END)
        FROM (SELECT month, benefit_cents, cost_cents,
                     sum(benefit_cents) OVER w AS running_benefit, sum(cost_cents) OVER w AS running_cost
              FROM value_month WHERE use_case_id = NEW.use_case_id WINDOW w AS (ORDER BY month))
        HAVING count(*) > 0;
    INSERT INTO value_portfolio_month (month, benefit_cents, cost_cents)
        VALUES (NEW.month, NEW.benefit_cents, NEW.cost_cents)
        ON CONFLICT (month) DO UPDATE SET benefit_cents = benefit_cents + excluded.benefit_cents,
                                          cost_cents = cost_cents + excluded.cost_cents;
END;

-- A month's use case never changes (it is part of the key Steerco writes), so one case is recomputed.
CREATE TRIGGER value_total_update AFTER UPDATE OF month, benefit_cents, cost_cents ON value_month BEGIN
    DELETE FROM value_total WHERE use_case_id = NEW.use_case_id;
    INSERT INTO value_total
        SELECT NEW.use_case_id, count(*), min(month), max(month), sum(benefit_cents), sum(cost_cents),
               min(CASE WHEN running_cost > 0 AND running_benefit >= running_cost THEN month END)
        FROM (SELECT month, benefit_cents, cost_cents,
                     sum(benefit_cents) OVER w AS running_benefit, sum(cost_cents) OVER w AS running_cost
              FROM value_month WHERE use_case_id = NEW.use_case_id WINDOW w AS (ORDER BY month))
        HAVING count(*) > 0;
    UPDATE value_portfolio_month SET benefit_cents = benefit_cents - OLD.benefit_cents,
                                     cost_cents = cost_cents - OLD.cost_cents WHERE month = OLD.month;
    DELETE FROM value_portfolio_month
        WHERE month = OLD.month AND NOT EXISTS (SELECT 1 FROM value_month WHERE month = OLD.month);
    INSERT INTO value_portfolio_month (month, benefit_cents, cost_cents)
        VALUES (NEW.month, NEW.benefit_cents, NEW.cost_cents)
        ON CONFLICT (month) DO UPDATE SET benefit_cents = benefit_cents + excluded.benefit_cents,
                                          cost_cents = cost_cents + excluded.cost_cents;
END;

CREATE TRIGGER value_total_delete AFTER DELETE ON value_month BEGIN
    DELETE FROM value_total WHERE use_case_id = OLD.use_case_id;
    INSERT INTO value_total
        SELECT OLD.use_case_id, count(*), min(month), max(month), sum(benefit_cents), sum(cost_cents),
               min(CASE WHEN running_cost > 0 AND running_benefit >= running_cost THEN month END)
        FROM (SELECT month, benefit_cents, cost_cents,
                     sum(benefit_cents) OVER w AS running_benefit, sum(cost_cents) OVER w AS running_cost
              FROM value_month WHERE use_case_id = OLD.use_case_id WINDOW w AS (ORDER BY month))
        HAVING count(*) > 0;
    UPDATE value_portfolio_month SET benefit_cents = benefit_cents - OLD.benefit_cents,
                                     cost_cents = cost_cents - OLD.cost_cents WHERE month = OLD.month;
    DELETE FROM value_portfolio_month
        WHERE month = OLD.month AND NOT EXISTS (SELECT 1 FROM value_month WHERE month = OLD.month);
END;

INSERT INTO value_total SELECT * FROM value_total_computed;
INSERT INTO value_portfolio_month SELECT * FROM value_portfolio_month_computed;
