package io.headroom.ingest.remotewrite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.headroom.ingest.http.ReceivedBody;
import io.headroom.ingest.http.Refusal;
import io.headroom.ingest.remotewrite.WriteRequest.TimeSeries;

/**
 * Decodes the protobuf of Prometheus's {@code prometheus.WriteRequest} by hand, field by field
 * as {@code remote.proto} and {@code types.proto} number them. Generated classes would build
 * a message object per label and sample; this keeps labels as bytes and samples in arrays.
 * Metadata and exemplars are skipped: neither is stored.
 */
final class WriteRequestDecoder {

    private static final int TIMESERIES = 1;
    private static final int SERIES_LABELS = 1;
    private static final int SERIES_SAMPLES = 2;
    private static final int SERIES_HISTOGRAMS = 4;
    private static final int SAMPLE_VALUE = 1;
    private static final int SAMPLE_TIMESTAMP = 2;
    private static final int LABEL_NAME = 1;
    private static final int LABEL_VALUE = 2;
    private static final int TIMESERIES_TAG = TIMESERIES << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int LABELS_TAG = SERIES_LABELS << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int SAMPLES_TAG = SERIES_SAMPLES << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int HISTOGRAMS_TAG = SERIES_HISTOGRAMS << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int VALUE_TAG = SAMPLE_VALUE << 3 | WireFormat.WIRETYPE_FIXED64;
    private static final int TIMESTAMP_TAG = SAMPLE_TIMESTAMP << 3 | WireFormat.WIRETYPE_VARINT;
    private static final int NAME_TAG = LABEL_NAME << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int LABEL_VALUE_TAG = LABEL_VALUE << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private WriteRequestDecoder() {
    }

    /** The digest is of the body as sent, which a retry repeats byte for byte: snappy made it several times shorter to hash. */
    static WriteRequest decode(ReceivedBody received) throws Refusal {
        byte[] body = received.decoded();
        try {
            CodedInputStream in = CodedInputStream.newInstance(body);
            var series = new ArrayList<TimeSeries>();
            var samples = new Samples(body.length / 64);
            int tag;
            while ((tag = in.readTag()) != 0) {
                if (tag == TIMESERIES_TAG) {
                    int length = in.readRawVarint32();
                    int start = in.getTotalBytesRead();
                    int limit = in.pushLimit(length);
                    series.add(timeSeries(in, body, start, start + length, samples));
                    in.popLimit(limit);
                } else {
                    in.skipField(tag);
                }
            }
            return new WriteRequest(sha256(received.asSent()), series, samples.timestamps, samples.values);
        } catch (IOException e) {
            throw Refusal.undecodable("body is not a protobuf prometheus.WriteRequest: " + e.getMessage());
        }
    }

    /**
     * Reads one {@code TimeSeries} message, body[start, end). Its labels are left where they are
     * when they are contiguous, as every known sender writes them; otherwise they are gathered.
     */
    private static TimeSeries timeSeries(CodedInputStream in, byte[] body, int start, int end, Samples samples)
            throws IOException {
        int first = samples.count;
        int histograms = 0;
        int labelsStart = -1;
        int labelsEnd = -1;
        boolean scattered = false;
        while (true) {
            int fieldStart = in.getTotalBytesRead();
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (tag) {
                case LABELS_TAG -> {
                    scattered |= labelsEnd >= 0 && fieldStart != labelsEnd;
                    labelsStart = labelsStart < 0 ? fieldStart : labelsStart;
                    in.skipRawBytes(in.readRawVarint32());
                    labelsEnd = in.getTotalBytesRead();
                }
                case SAMPLES_TAG -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    samples.read(in);
                    in.popLimit(limit);
                }
                case HISTOGRAMS_TAG -> {
                    in.skipField(tag);
                    histograms++;
                }
                default -> in.skipField(tag);
            }
        }
        int count = samples.count - first;
        if (scattered) {
            byte[] gathered = gatherLabels(body, start, end);
            return new TimeSeries(gathered, 0, gathered.length, first, count, histograms);
        }
        return labelsStart < 0 ? new TimeSeries(body, 0, 0, first, count, histograms)
                : new TimeSeries(body, labelsStart, labelsEnd - labelsStart, first, count, histograms);
    }

    private static byte[] gatherLabels(byte[] body, int start, int end) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(body, start, end - start);
        var labels = new ByteArrayOutputStream(end - start);
        while (true) {
            int fieldStart = start + in.getTotalBytesRead();
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (tag == LABELS_TAG) {
                in.skipRawBytes(in.readRawVarint32());
                labels.write(body, fieldStart, start + in.getTotalBytesRead() - fieldStart);
            } else {
                in.skipField(tag);
            }
        }
        return labels.toByteArray();
    }

    /** The request's samples in two flat arrays: one pair of arrays per request, not per series. */
    private static final class Samples {
        long[] timestamps;
        double[] values;
        int count;

        Samples(int expected) {
            timestamps = new long[Math.max(16, expected)];
            values = new double[timestamps.length];
        }

        void read(CodedInputStream in) throws IOException {
            if (count == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            long timestamp = 0;
            double value = 0;
            int tag;
            while ((tag = in.readTag()) != 0) {
                switch (tag) {
                    case VALUE_TAG -> value = in.readDouble();
                    case TIMESTAMP_TAG -> timestamp = in.readInt64();
                    default -> in.skipField(tag);
                }
            }
            timestamps[count] = timestamp;
            values[count] = value;
            count++;
        }
    }

    /**
     * The label set of a series as names and values alternating, in the order sent.
     *
     * @throws IllegalArgumentException when a name or value is not UTF-8 or a label is malformed
     */
    static String[] labels(TimeSeries series) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(series.labels(), series.labelsOffset(), series.labelsLength());
            var pairs = new ArrayList<String>();
            int field;
            while ((field = in.readTag()) != 0) {
                if (field != LABELS_TAG) {
                    in.skipField(field);
                    continue;
                }
                int limit = in.pushLimit(in.readRawVarint32());
                String name = "";
                String value = "";
                int tag;
                while ((tag = in.readTag()) != 0) {
                    switch (tag) {
                        case NAME_TAG -> name = utf8(in.readByteArray(), "label name");
                        case LABEL_VALUE_TAG -> value = utf8(in.readByteArray(), "label value");
                        default -> in.skipField(tag);
                    }
                }
                in.popLimit(limit);
                pairs.add(name);
                pairs.add(value);
            }
            return pairs.toArray(String[]::new);
        } catch (IOException e) {
            throw new IllegalArgumentException("a label is not a valid protobuf message: " + e.getMessage());
        }
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a " + what + " is not valid UTF-8");
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
