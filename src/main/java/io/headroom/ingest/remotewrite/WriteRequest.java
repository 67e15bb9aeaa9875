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
     * @param labels the series' {@code Label} messages as sent, each preceded by its length
     * @param nativeHistograms how many native-histogram points the series carried (not stored)
     */
    record TimeSeries(byte[] labels, long[] timestampsMillis, double[] values, int sampleCount, int nativeHistograms) {
    }
}
