package io.headroom.ingest.remotewrite;

import java.util.List;

/**
 * A decoded remote-write 1.0 {@code WriteRequest}, kept close to the wire: each series' labels
 * stay as the bytes they arrived in, because a sender repeats the same label set in every
 * request and those bytes find the stored series without decoding a string.
 *
 * @param digest hash of the decoded body, identifying a verbatim retry
 */
record WriteRequest(byte[] digest, List<TimeSeries> series) {

    /**
     * @param labels the series' {@code labels} fields as sent (tag, length and {@code Label} message each),
     *     at {@code labelsOffset} for {@code labelsLength} bytes: usually a slice of the request body, not a copy
     * @param nativeHistograms how many native-histogram points the series carried (not stored)
     */
    record TimeSeries(byte[] labels, int labelsOffset, int labelsLength, long[] timestampsMillis, double[] values,
            int sampleCount, int nativeHistograms) {
    }
}
