package io.headroom.ingest.remotewrite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.CodedOutputStream;
import org.xerial.snappy.Snappy;

/**
 * Builds remote-write 1.0 bodies as Prometheus's sender encodes them ({@code prometheus.WriteRequest},
 * snappy block), including the malformed ones a careless sender could produce: labels are raw
 * bytes, so they can repeat, be empty or not be UTF-8.
 */
public final class RemoteWriteBodies {

    public static final String CONTENT_TYPE = "application/x-protobuf";

    /**
     * One series: labels as name/value pairs in the order to send them, and samples; with
     * {@code samplesAmongLabels} the samples are written after the first label, before the others.
     */
    public record Series(List<byte[]> labels, List<Sample> samples, boolean samplesAmongLabels) {

        public static Series of(String... pairs) {
            var labels = new ArrayList<byte[]>();
            for (String text : pairs) {
                labels.add(text.getBytes(StandardCharsets.UTF_8));
            }
            return new Series(labels, new ArrayList<>(), false);
        }

        /** The same series with its samples written between its first label and the others, as protobuf allows. */
        public Series withSamplesAmongLabels() {
            return new Series(labels, samples, true);
        }

        /** A label whose value is the given bytes, UTF-8 or not. */
        public Series rawLabel(String name, byte[] value) {
            labels.add(name.getBytes(StandardCharsets.UTF_8));
            labels.add(value);
            return this;
        }

        public Series sample(long timestampMillis, double value) {
            samples.add(new Sample(timestampMillis, value));
            return this;
        }
    }

    public record Sample(long timestampMillis, double value) {
    }

    private RemoteWriteBodies() {
    }

    public static byte[] protobuf(Series... series) {
        try {
            var bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            for (Series one : series) {
                byte[] encoded = series(one);
                out.writeTag(1, 2);
                out.writeUInt32NoTag(encoded.length);
                out.writeRawBytes(encoded);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] snappy(byte[] raw) {
        try {
            return Snappy.compress(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] body(Series... series) {
        return snappy(protobuf(series));
    }

    private static byte[] series(Series series) throws IOException {
        var bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        for (int i = 0; i < series.labels().size(); i += 2) {
            var label = new ByteArrayOutputStream();
            CodedOutputStream labelOut = CodedOutputStream.newInstance(label);
            labelOut.writeByteArray(1, series.labels().get(i));
            labelOut.writeByteArray(2, series.labels().get(i + 1));
            labelOut.flush();
            out.writeByteArray(1, label.toByteArray());
            if (i == 0 && series.samplesAmongLabels()) {
                writeSamples(series, out);
            }
        }
        if (!series.samplesAmongLabels()) {
            writeSamples(series, out);
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeSamples(Series series, CodedOutputStream out) throws IOException {
        for (Sample sample : series.samples()) {
            var encoded = new ByteArrayOutputStream();
            CodedOutputStream sampleOut = CodedOutputStream.newInstance(encoded);
            sampleOut.writeDouble(1, sample.value());
            sampleOut.writeInt64(2, sample.timestampMillis());
            sampleOut.flush();
            out.writeByteArray(2, encoded.toByteArray());
        }
    }
}
