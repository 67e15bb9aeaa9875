package io.headroom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Headroom on random ports (main and OTLP) with its own embedded PostgreSQL in a fresh
 * data directory under target/, its metrics exported as in production, and the user
 * {@link TestUsers#ADMIN}. Test classes with the
 * same annotation share one instance.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = HeadroomApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "headroom.otlp.port=0",
                "headroom.demo.enabled=false",
                "headroom.store.edge-interval=1s",
                "headroom.alerting.interval=1s",
                // Webhook sinks listen on loopback; failures come back fast so retries and give-ups fit in a test.
                "headroom.notify.allow-private=127.0.0.0/8",
                "headroom.notify.timeout=2s",
                "headroom.notify.retry-base=200ms",
                "headroom.notify.retry-max=1s",
                "headroom.notify.give-up-after=8s",
                "headroom.notify.lease=2s",
                "headroom.db.embedded.data-dir=target/it-pgdata/${random.uuid}",
                "headroom.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
        })
public @interface HeadroomIntegrationTest {
}
