package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import io.headroom.kpi.SloStatus.AlertLevel;
import io.headroom.kpi.SloStatus.Objective;
import org.junit.jupiter.api.Test;

/** Error budget, burn rates and alert levels on minute counts whose answers are worked out by hand. */
class SloMathTest {

    private static final long NOW_MINUTE = 1_764_064_800L; // a minute boundary

    /** The last 60 minutes, 1,000 requests each, with {@code badPerMinute[i]} bad in minute i (0 = oldest). */
    private static Objective hour(double target, int windowDays, long... badPerMinute) {
        long[] starts = new long[60];
        long[] total = new long[60];
        long[] good = new long[60];
        for (int i = 0; i < 60; i++) {
            starts[i] = NOW_MINUTE - (59 - i) * 60L;
            total[i] = 1_000;
            good[i] = 1_000 - (i < badPerMinute.length ? badPerMinute[i] : 0);
        }
        return SloMath.objective("availability", target, null, starts, total, good, NOW_MINUTE, windowDays);
    }

    private static long[] badInLast(int minutes, long bad) {
        long[] perMinute = new long[60];
        for (int i = 60 - minutes; i < 60; i++) {
            perMinute[i] = bad;
        }
        return perMinute;
    }

    @Test
    void aFiveMinuteSpikeOverspendsTheBudgetOfAQuietHourAndOpensATicket() {
        // 100 bad of 60,000 against 99.9 %: 60 allowed, so 100/60 of the budget is spent.
        Objective objective = hour(0.999, 30, badInLast(5, 20));
        assertThat(objective.totalRequests()).isEqualTo(60_000);
        assertThat(objective.goodRequests()).isEqualTo(59_900);
        assertThat(objective.sli()).isCloseTo(59_900 / 60_000.0, within(1e-12));
        assertThat(objective.errorBudgetRemaining()).isCloseTo(1 - 100 / 60.0, within(1e-9));
        assertThat(objective.burnRates().get("5m")).isCloseTo(20.0, within(1e-9));   // 2 % bad / 0.1 % allowed
        assertThat(objective.burnRates().get("30m")).isCloseTo(100 / 30_000.0 / 0.001, within(1e-9));
        assertThat(objective.burnRates().get("1h")).isCloseTo(100 / 60_000.0 / 0.001, within(1e-9));
        // Longer windows hold the same hour of data.
        assertThat(objective.burnRates().get("3d")).isCloseTo(objective.burnRates().get("1h"), within(1e-12));
        // 1h at 1.67 is under 14.4 and 6h under 6, so no page; 3d and 6h are both at least 1: a ticket.
        assertThat(objective.alert()).isEqualTo(AlertLevel.TICKET);
    }

    @Test
    void aWholeHourBurningTwentyTimesOverPages() {
        Objective objective = hour(0.999, 30, badInLast(60, 20));
        assertThat(objective.burnRates().get("1h")).isCloseTo(20.0, within(1e-9));
        assertThat(objective.alert()).isEqualTo(AlertLevel.PAGE);
    }

    @Test
    void aShortSpikeAloneDoesNotPageBecauseTheLongWindowMustAgree() {
        // 5m burns at 20 but the hour at 1.67: the multiwindow rule waits for the hour.
        assertThat(SloMath.alert(Map.of("5m", 20.0, "1h", 1.67, "30m", 3.3, "6h", 0.5, "2h", 0.8, "1d", 0.2, "3d", 0.1), 30))
                .isEqualTo(AlertLevel.OK);
    }

    @Test
    void thresholdsScaleWithTheSloWindow() {
        // A 7-day window pages at 2 % of 168 h an hour: 3.36, not 14.4.
        assertThat(SloMath.alert(Map.of("5m", 3.4, "1h", 3.4), 7)).isEqualTo(AlertLevel.PAGE);
        assertThat(SloMath.alert(Map.of("5m", 3.3, "1h", 3.3), 7)).isEqualTo(AlertLevel.OK);
        assertThat(SloMath.alert(Map.of("5m", 3.4, "1h", 3.4), 30)).isEqualTo(AlertLevel.OK);
    }

    @Test
    void windowsWithoutRequestsHaveNoBurnRateAndAnUntouchedBudgetIsWhole() {
        long[] starts = {NOW_MINUTE - 3 * 3600};
        Objective objective = SloMath.objective("latency", 0.99, 300.0, starts, new long[] {500}, new long[] {500}, NOW_MINUTE, 30);
        assertThat(objective.errorBudgetRemaining()).isEqualTo(1.0);
        assertThat(objective.burnRates().get("1h")).isNull();
        assertThat(objective.burnRates().get("6h")).isZero();
        assertThat(objective.alert()).isEqualTo(AlertLevel.OK);

        Objective empty = SloMath.objective("availability", 0.999, null, new long[0], new long[0], new long[0], NOW_MINUTE, 30);
        assertThat(empty.sli()).isNull();
        assertThat(empty.errorBudgetRemaining()).isNull();
    }
}
