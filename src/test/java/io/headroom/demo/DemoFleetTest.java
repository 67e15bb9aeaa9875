package io.headroom.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.headroom.HeadroomApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Headroom with the demo fleet on at a steady 40 requests/s (no daily curve, no bursts), its payments service overloaded
 * (one worker, ~37 ms per request: utilisation about 1.5) so scaling has something to fix.
 * Test classes with it share one instance, and so one fleet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HeadroomApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "headroom.otlp.port=0",
                "headroom.db.embedded.data-dir=target/it-pgdata/${random.uuid}",
                "headroom.demo.rps=40",
                "headroom.demo.pattern.daily-amplitude=0",
                "headroom.demo.pattern.bursts-per-hour=0",
                "headroom.demo.services.payments.concurrency=1",
                "headroom.demo.services.payments.queue=20",
                "headroom.demo.services.payments.median-ms=35",
                "headroom.demo.services.payments.sigma=0.3",
        })
@interface DemoFleetTest {
}
