package io.headroom.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.headroom.HeadroomApplication;
import io.headroom.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A whole Headroom with the demo fleet on at a steady 40 requests/s (no daily curve, no bursts),
 * its payments service overloaded so scaling has something to fix: checkouts, one in five
 * requests, reach it at 8/s, and its one worker takes ~157 ms each (utilisation about 1.25), so
 * its queue of 20 fills.
 * Test classes with it share one instance, and so one fleet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = HeadroomApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "headroom.otlp.port=0",
                "headroom.db.embedded.data-dir=target/it-pgdata/${random.uuid}",
                "headroom.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "headroom.demo.rps=40",
                "headroom.demo.pattern.daily-amplitude=0",
                "headroom.demo.pattern.bursts-per-hour=0",
                "headroom.demo.metric-interval=2s",
                "headroom.demo.services.payments.concurrency=1",
                "headroom.demo.services.payments.queue=20",
                "headroom.demo.services.payments.median-ms=150",
                "headroom.demo.services.payments.sigma=0.3",
                // Enough checkout workers that payments' own queue, not checkout's pool, is what fills.
                "headroom.demo.services.checkout.concurrency=32",
                // Scrape the instances often, so that discovery and scraping show within seconds.
                "headroom.scrape.interval=2s",
                "headroom.scrape.timeout=2s",
                "headroom.scrape.refresh-interval=1s",
                // Autoscaling policies evaluate every 5 s rather than the HPA's 15 s, so a test sees several rounds.
                "headroom.scaling.interval=5s",
                // Experiments check their steady state every 2 s, so an abort shows within seconds of the breach.
                "headroom.chaos.check-interval=2s",
                "headroom.chaos.gameday-interval=2s",
        })
public @interface DemoFleetTest {
}
