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

    /** Runs {@code load} now and every {@code period} while {@code owner} is attached, applying each result. */
    public <T> void whileAttached(Component owner, Duration period, Supplier<T> load, Consumer<T> apply) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
                try {
                    T data = load.get();
                    ui.access(() -> apply.accept(data));
                } catch (RuntimeException e) {
                    log.warn("Live refresh of {} failed: {}", owner.getClass().getSimpleName(), e.toString());
                }
            }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
            owner.addDetachListener(detach -> {
                task.cancel(false);
                detach.unregisterListener();
            });
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
