package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import io.headroom.store.RollupKeys.OperationKey;
import io.headroom.store.RollupKeys.ServiceKey;
import org.junit.jupiter.api.Test;

class RollupDeltaTest {

    private static final OperationKey CHECKOUT = new OperationKey("shop", 600, "POST /checkout", SpanRow.KIND_SERVER);
    private static final OperationKey CHARGE = new OperationKey("shop", 600, "charge", 3);

    @Test
    void recordedSpansBecomeOperationAndServiceCells() {
        var recorder = new RollupDelta.Recorder(4);
        recorder.record(CHECKOUT, 10_000_000, false, true, true);
        recorder.record(CHECKOUT, 30_000_000, true, true, false);
        recorder.record(CHARGE, 5_000_000, true, false, false);
        byte[] first = recorder.encode();
        var again = new RollupDelta.Recorder(1);
        again.record(new OperationKey("shop", 600, "POST /checkout", SpanRow.KIND_SERVER), 20_000_000, false, true, true);
        byte[] journalEntry = concat(first, again.encode());

        RollupDelta.validate(journalEntry);
        var delta = new RollupDelta();
        delta.addEncoded(journalEntry);

        RollupCell checkout = delta.operations.get(CHECKOUT);
        assertThat(checkout.count).isEqualTo(3);
        assertThat(checkout.errors).isEqualTo(1);
        assertThat(checkout.durationSumNanos).isEqualTo(60_000_000);
        assertThat(delta.operations.get(CHARGE).count).isEqualTo(1);
        RollupCell service = delta.services.get(new ServiceKey("shop", 600));
        assertThat(service.count).as("only entry spans are requests").isEqualTo(3);
        assertThat(service.roots).as("spans without a parent start transactions").isEqualTo(2);
        assertThat(checkout.roots).isEqualTo(2);
        assertThat(delta.operations.get(CHARGE).roots).isZero();
        assertThat(service.histogram.quantileNanos(1.0)).isCloseTo(30_000_000, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void anEmptyRecorderEncodesToNothing() {
        assertThat(new RollupDelta.Recorder(0).encode()).isNull();
    }

    @Test
    void malformedEntriesAreRecognisedBeforeAnythingIsAdded() {
        var recorder = new RollupDelta.Recorder(1);
        recorder.record(CHECKOUT, 1_000, false, true, false);
        byte[] entry = recorder.encode();

        assertThatThrownBy(() -> RollupDelta.validate(Arrays.copyOf(entry, entry.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        byte[] newer = entry.clone();
        newer[0] = 9;
        assertThatThrownBy(() -> RollupDelta.validate(newer)).hasMessageContaining("version");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
