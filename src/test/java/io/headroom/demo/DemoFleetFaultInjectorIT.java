package io.headroom.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultInjectorContract;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo fleet keeps the {@link FaultInjector} contract. */
@DemoFleetTest
class DemoFleetFaultInjectorIT extends FaultInjectorContract {

    @Autowired
    DemoFleet fleet;

    @Override
    protected FaultInjector injector() {
        return fleet;
    }

    @Override
    protected String service() {
        return "billing";
    }

    @Override
    protected Answer request() {
        URI instance = fleet.pick("billing").orElseThrow();
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(instance.resolve("/invoice")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
