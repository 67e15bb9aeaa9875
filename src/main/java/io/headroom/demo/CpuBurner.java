package io.headroom.demo;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/** A thread that keeps a share of one core busy: it spins for that share of every 10 ms and sleeps the rest. */
final class CpuBurner implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Thread thread;
    private volatile boolean burning = true;

    CpuBurner(String name, double percentOfCore) {
        long busyNanos = (long) (PERIOD_NANOS * percentOfCore / 100);
        thread = new Thread(() -> burn(busyNanos), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void burn(long busyNanos) {
        while (burning) {
            long start = System.nanoTime();
            while (System.nanoTime() - start < busyNanos) {
                Thread.onSpinWait();
            }
            long rest = PERIOD_NANOS - (System.nanoTime() - start);
            if (rest > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** CPU time the burn has used so far (0 once its thread has ended). */
    long cpuNanos() {
        return Math.max(0, ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId()));
    }

    @Override
    public void close() {
        burning = false;
        thread.interrupt();
    }
}
