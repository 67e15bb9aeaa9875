package io.headroom.store;

import java.sql.SQLException;
import java.util.List;

/** Where the ingest pipeline commits batches. One implementation per database; tests may supply their own. */
public interface TelemetryStore {

    /** Stores all batches atomically; returns only after they are committed. */
    void write(List<TelemetryBatch> batches) throws SQLException;
}
