-- Log search reads newest first in widening windows (LogQueries); a BRIN index on time lets each
-- window read only its part of a day's partition. Almost free to keep up, as records arrive in
-- time order (the same choice as spans_start_time_idx).
CREATE INDEX log_records_time_idx ON log_records USING brin (time);
