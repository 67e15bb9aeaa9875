-- Service level objectives (module kpi): per service, an availability objective (share of
-- requests that succeed) and/or a latency objective (share of requests at most
-- latency_threshold_ms), over a rolling window of window_days.
CREATE TABLE service_slos (
    service_name          text             PRIMARY KEY,
    availability_target   double precision CHECK (availability_target > 0 AND availability_target < 1),
    latency_target        double precision CHECK (latency_target > 0 AND latency_target < 1),
    latency_threshold_ms  double precision CHECK (latency_threshold_ms > 0),
    window_days           integer          NOT NULL CHECK (window_days BETWEEN 1 AND 90),
    updated_at            timestamptz      NOT NULL,
    CHECK (availability_target IS NOT NULL OR latency_target IS NOT NULL),
    CHECK ((latency_target IS NULL) = (latency_threshold_ms IS NULL))
);
