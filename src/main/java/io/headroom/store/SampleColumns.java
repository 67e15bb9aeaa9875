package io.headroom.store;

import java.sql.SQLException;
import java.util.List;

import org.postgresql.copy.CopyIn;

/**
 * A batch's metric samples as the elements of four parallel PostgreSQL arrays (series ids,
 * times, values, histograms), encoded on the request thread. The writer joins the columns of
 * all batches in its transaction into one {@code metric_sample_batches} row; array elements have
 * the same length-prefixed form as COPY fields, so joining is copying bytes.
 */
final class SampleColumns {

    private static final int INT8_OID = 20;
    private static final int TIMESTAMPTZ_OID = 1184;
    private static final int FLOAT8_OID = 701;
    private static final int JSONB_OID = 3802;
    private static final int ARRAY_HEADER_BYTES = 20;

    private final BinaryCopyBuffer seriesIds;
    private final BinaryCopyBuffer times;
    private final BinaryCopyBuffer values;
    private final BinaryCopyBuffer histograms;
    private int count;
    private boolean anyHistogram;
    private boolean anyStale;

    SampleColumns(int expectedSamples) {
        seriesIds = new BinaryCopyBuffer(expectedSamples * 12);
        times = new BinaryCopyBuffer(expectedSamples * 12);
        values = new BinaryCopyBuffer(expectedSamples * 12);
        histograms = new BinaryCopyBuffer(expectedSamples * 4);
    }

    /** @throws InvalidTelemetryException if the histogram cannot be stored; nothing of the sample is kept */
    void add(MetricSampleRow sample) {
        histograms.jsonb(sample.histogramJson());
        anyHistogram |= sample.histogramJson() != null;
        addPlain(sample.seriesId(), sample.timeEpochNanos(), sample.value(), sample.stale());
    }

    /** A sample without a histogram; the remote-write path adds millions a second this way, without a row object. */
    void add(long seriesId, long timeEpochNanos, double value, boolean stale) {
        histograms.nullField();
        addPlain(seriesId, timeEpochNanos, value, stale);
    }

    private void addPlain(long seriesId, long timeEpochNanos, double value, boolean stale) {
        seriesIds.int8(seriesId);
        times.timestamptz(timeEpochNanos);
        if (stale) {
            values.nullField();
            anyStale = true;
        } else {
            values.float8(value);
        }
        count++;
    }

    int count() {
        return count;
    }

    /** Writes one row of {@code (series_ids, times, values, histograms)} holding every sample of the batches. */
    static void writeRow(CopyIn copy, List<SampleColumns> batches) throws SQLException {
        int total = batches.stream().mapToInt(SampleColumns::count).sum();
        boolean anyHistogram = batches.stream().anyMatch(columns -> columns.anyHistogram);
        boolean anyStale = batches.stream().anyMatch(columns -> columns.anyStale);
        var header = new BinaryCopyBuffer(128);
        header.beginRow(4);
        header.endRow();
        write(copy, header);
        writeArray(copy, batches, columns -> columns.seriesIds, INT8_OID, total, false);
        writeArray(copy, batches, columns -> columns.times, TIMESTAMPTZ_OID, total, false);
        writeArray(copy, batches, columns -> columns.values, FLOAT8_OID, total, anyStale);
        if (anyHistogram) {
            writeArray(copy, batches, columns -> columns.histograms, JSONB_OID, total, true);
        } else {
            var none = new BinaryCopyBuffer(8);
            none.nullField();
            write(copy, none);
        }
    }

    private static void writeArray(CopyIn copy, List<SampleColumns> batches,
            java.util.function.Function<SampleColumns, BinaryCopyBuffer> column, int elementOid, int total,
            boolean hasNulls) throws SQLException {
        int elementBytes = batches.stream().mapToInt(columns -> column.apply(columns).size()).sum();
        var header = new BinaryCopyBuffer(32);
        header.int4Raw(ARRAY_HEADER_BYTES + elementBytes);
        header.int4Raw(1);
        header.int4Raw(hasNulls ? 1 : 0);
        header.int4Raw(elementOid);
        header.int4Raw(total);
        header.int4Raw(1);
        write(copy, header);
        for (SampleColumns columns : batches) {
            write(copy, column.apply(columns));
        }
    }

    private static void write(CopyIn copy, BinaryCopyBuffer buffer) throws SQLException {
        copy.writeToCopy(buffer.array(), 0, buffer.size());
    }
}
