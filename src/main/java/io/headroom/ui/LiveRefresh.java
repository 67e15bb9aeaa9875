package io.headroom.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Refreshes a view while it is attached: loads data on a shared background pool (never on the
 * request thread that holds the session lock) and applies it through {@link UI#access}, which
 * pushes the change to the browser.
 */
@Service
public class LiveRefresh {

    private static final Logger log = LoggerFactory.getLogger(LiveRefresh.class);

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "ui-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Runs {@code load} now and every {@code period} while {@code owner} is attached, applying each
     * result; the returned handle changes the period or loads again at once.
     */
    public <T> Handle whileAttached(Component owner, Duration period, Supplier<T> load, Consumer<T> apply) {
        Handle handle = new Handle(owner.getClass().getSimpleName(), period, load, apply);
        owner.addAttachListener(attach -> {
            handle.start(attach.getUI());
            owner.addDetachListener(detach -> {
                handle.stop();
                detach.unregisterListener();
            });
        });
        return handle;
    }

    /** One view's refresh. Its methods are called from the UI thread. */
    public final class Handle {

        private final String owner;
        private final Supplier<?> load;
        private final Consumer<Object> apply;
        private Duration period;
        private UI ui;
        private ScheduledFuture<?> task;
        /** Counts reloads asked for; a load started before the latest one is not applied (it shows the old choice). */
        private volatile long generation;

        @SuppressWarnings("unchecked")
        private <T> Handle(String owner, Duration period, Supplier<T> load, Consumer<T> apply) {
            this.owner = owner;
            this.period = period;
            this.load = load;
            this.apply = (Consumer<Object>) apply;
        }

        /** @param period null stops the periodic refresh; {@link #now()} still loads on demand */
        public synchronized void setPeriod(Duration period) {
            this.period = period;
            now();
        }

        public synchronized Duration period() {
            return period;
        }

        /** Loads again at once, after a change to what the view shows; results of loads already running are dropped. */
        public synchronized void now() {
            generation++;
            if (ui != null) {
                schedule();
            }
        }

        private synchronized void start(UI attachedTo) {
            ui = attachedTo;
            schedule();
        }

        private synchronized void stop() {
            if (task != null) {
                task.cancel(false);
            }
            task = null;
            ui = null;
        }

        private void schedule() {
            if (task != null) {
                task.cancel(false);
            }
            UI target = ui;
            long asked = generation;
            Runnable refresh = () -> refresh(target, asked);
            task = period == null ? scheduler.schedule(refresh, 0, TimeUnit.MILLISECONDS)
                    : scheduler.scheduleWithFixedDelay(refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void refresh(UI target, long asked) {
            try {
                Object data = load.get();
                target.access(() -> {
                    if (asked == generation) {
                        apply.accept(data);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Live refresh of {} failed: {}", owner, e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
