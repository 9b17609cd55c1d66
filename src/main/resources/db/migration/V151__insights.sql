-- Demand forecasts (seed 001 predictions, per location as well as per item), the method each series uses with its
-- backtest accuracy, the runs that make them, and the service level reorder points are set for.

-- One row per day to come and series: the latest forecast made before that day (made_on, in the company's time
-- zone, always earlier), with an 80% interval and the seasonal-naive baseline's forecast made at the same moment,
-- so accuracy against the baseline is measured on forecasts made before their actuals existed. actual_quantity and
-- prediction_error (actual - predicted) are filled once the day has closed.
CREATE TABLE predictions (
    tenant_id          uuid          NOT NULL REFERENCES tenants (id),
    id                 uuid          NOT NULL,
    item_id            uuid          NOT NULL,
    location_id        uuid          NOT NULL,
    prediction_date    date          NOT NULL,
    predicted_quantity numeric(14,3) NOT NULL CHECK (predicted_quantity >= 0),
    lower_quantity     numeric(14,3) NOT NULL CHECK (lower_quantity >= 0),
    upper_quantity     numeric(14,3) NOT NULL CHECK (upper_quantity >= lower_quantity),
    confidence_score   numeric(5,2)  NOT NULL CHECK (confidence_score BETWEEN 0 AND 100),
    model_version      varchar(80)   NOT NULL,
    baseline_quantity  numeric(14,3) NOT NULL CHECK (baseline_quantity >= 0),
    made_on            date          NOT NULL,
    actual_quantity    numeric(14,3),
    prediction_error   numeric(14,3),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, item_id, location_id, prediction_date),
    CHECK (made_on < prediction_date),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);
CREATE INDEX predictions_open_idx ON predictions (tenant_id, prediction_date) WHERE actual_quantity IS NULL;
SELECT app_protect_tenant_table('predictions');

-- Each series' method, chosen by the last run's rolling-origin backtest, and that backtest's errors for the method
-- and for the seasonal-naive baseline on the same days (absolute and squared sums, the actual demand, the days).
CREATE TABLE forecast_series (
    tenant_id          uuid             NOT NULL REFERENCES tenants (id),
    location_id        uuid             NOT NULL,
    item_id            uuid             NOT NULL,
    method             varchar(30)      NOT NULL,
    model_version      varchar(80)      NOT NULL,
    short_history      boolean          NOT NULL,
    intermittent       boolean          NOT NULL,
    history_days       integer          NOT NULL,
    stockout_days      integer          NOT NULL,
    abs_error          double precision NOT NULL,
    squared_error      double precision NOT NULL,
    baseline_abs_error double precision NOT NULL,
    baseline_sq_error  double precision NOT NULL,
    actual_total       double precision NOT NULL,
    scored_days        integer          NOT NULL,
    daily_sigma        double precision NOT NULL,
    run_on             date             NOT NULL,
    updated_at         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, location_id, item_id),
    FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id),
    FOREIGN KEY (tenant_id, location_id) REFERENCES locations (tenant_id, id)
);
CREATE INDEX forecast_series_item_idx ON forecast_series (tenant_id, item_id);
SELECT app_protect_tenant_table('forecast_series');

-- A forecast run for one day: nightly or asked for, with its progress.
CREATE TABLE forecast_runs (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    id           uuid        NOT NULL,
    run_on       date        NOT NULL,
    trigger      varchar(10) NOT NULL CHECK (trigger IN ('nightly', 'manual')),
    status       varchar(10) NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    series_total integer     NOT NULL DEFAULT 0,
    series_done  integer     NOT NULL DEFAULT 0,
    started_by   uuid,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, started_by) REFERENCES users (tenant_id, id)
);
CREATE INDEX forecast_runs_recent_idx ON forecast_runs (tenant_id, started_at DESC);
-- One nightly run per company and day.
CREATE UNIQUE INDEX forecast_runs_nightly_key ON forecast_runs (tenant_id, run_on) WHERE trigger = 'nightly';
SELECT app_protect_tenant_table('forecast_runs');

-- The chance of not running out before an order arrives, which safety stock is set for (95% unless changed).
CREATE TABLE insights_settings (
    tenant_id     uuid         NOT NULL REFERENCES tenants (id),
    service_level numeric(4,3) NOT NULL DEFAULT 0.95 CHECK (service_level >= 0.5 AND service_level <= 0.999),
    version       bigint       NOT NULL DEFAULT 0,
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);
SELECT app_protect_tenant_table('insights_settings');

GRANT SELECT, INSERT, UPDATE, DELETE ON predictions, forecast_series, forecast_runs, insights_settings TO ${app_role};

-- The companies and their time zones, for the nightly run, which starts with no company set. The owner may list
-- every company (V51); the application role may not, hence SECURITY DEFINER.
CREATE FUNCTION insights_companies() RETURNS TABLE (id uuid, time_zone text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = public
AS $$
    SELECT t.id, t.time_zone::text FROM platform_tenants t ORDER BY t.id
$$;
REVOKE ALL ON FUNCTION insights_companies() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION insights_companies() TO ${app_role};
