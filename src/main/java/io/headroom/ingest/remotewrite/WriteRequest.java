package io.headroom.ingest.remotewrite;

import java.util.List;

/**
 * A decoded remote-write 1.0 {@code WriteRequest}, kept close to the wire: each series' labels
 * stay as the bytes they arrived in, because a sender repeats the same label set in every
 * request and those bytes find the stored series without decoding a string.
 *
 * @param digest hash of the body as sent (compressed), identifying a verbatim retry
 * @param timestampsMillis every series' sample times, series after series, each series' in the order sent
 *     (the array may be longer: its series say which indexes are theirs)
 * @param values the samples' values, at the same indexes as their times
 */
record WriteRequest(byte[] digest, List<TimeSeries> series, long[] timestampsMillis, double[] values) {

    /**
     * @param labels the series' {@code labels} fields as sent (tag, length and {@code Label} message each),
     *     at {@code labelsOffset} for {@code labelsLength} bytes: usually a slice of the request body, not a copy
     * @param firstSample index of the series' first sample in the request's sample arrays
     * @param nativeHistograms how many native-histogram points the series carried (not stored)
     */
    record TimeSeries(byte[] labels, int labelsOffset, int labelsLength, int firstSample, int sampleCount,
            int nativeHistograms) {
    }
}
