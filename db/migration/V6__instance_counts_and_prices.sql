-- What capacity each service ran and what it costs (module kpi, through store).
--
-- service_instance_counts: one row each time a service's running instance count changed, as
-- its scale target reported it. The count holds until the next row, so instance-seconds over
-- any window are the integral of this step function (the row before the window included).
CREATE TABLE service_instance_counts (
    service_name text        NOT NULL,
    at           timestamptz NOT NULL,
    instances    integer     NOT NULL CHECK (instances >= 0),
    PRIMARY KEY (service_name, at)
);

-- service_prices: the price of one instance-hour. source 'user' was set by an operator and is
-- never replaced by a scale target's list price ('list').
CREATE TABLE service_prices (
    service_name            text             PRIMARY KEY,
    price_per_instance_hour double precision NOT NULL CHECK (price_per_instance_hour >= 0 AND price_per_instance_hour < 'Infinity'),
    source                  text             NOT NULL CHECK (source IN ('user', 'list')),
    updated_at              timestamptz      NOT NULL
);
