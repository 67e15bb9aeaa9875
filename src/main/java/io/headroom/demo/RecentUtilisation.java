package io.headroom.demo;

/**
 * The share of a worker pool busy, averaged over the last seconds with exponentially decaying
 * weights (as the load average is, over minutes). An instant's reading of a one-worker pool is 0
 * or 1, so a scraper sampling it every few seconds would read a coin toss, and an autoscaler
 * tracking it would chase noise; CPU usage gauges such as Micrometer's {@code process.cpu.usage}
 * report recent usage for the same reason.
 */
final class RecentUtilisation {

    private final int workers;
    private final double timeConstantNanos;
    private long lastChangeNanos;
    private int busy;
    private double average;

    RecentUtilisation(int workers, java.time.Duration timeConstant, long nowNanos) {
        this.workers = workers;
        this.timeConstantNanos = timeConstant.toNanos();
        this.lastChangeNanos = nowNanos;
    }

    /** Records that {@code busyNow} workers are busy from {@code nowNanos} on. */
    synchronized void busy(int busyNow, long nowNanos) {
        advance(nowNanos);
        busy = busyNow;
    }

    /** @return the recent share of the workers busy, 0 to 1 */
    synchronized double share(long nowNanos) {
        advance(nowNanos);
        return average / workers;
    }

    /** Decays the average towards the busy count held constant since the last change. */
    private void advance(long nowNanos) {
        long elapsed = nowNanos - lastChangeNanos;
        if (elapsed > 0) {
            double kept = Math.exp(-elapsed / timeConstantNanos);
            average = average * kept + busy * (1 - kept);
            lastChangeNanos = nowNanos;
        }
    }
}
