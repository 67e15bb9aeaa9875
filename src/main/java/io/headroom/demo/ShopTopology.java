package io.headroom.demo;

import java.util.List;
import java.util.Map;

/**
 * The default fleet: a small shop. What a request touches depends on its path, as in a real
 * shop: browsing products reads the catalog with its prices and stock; the cart also checks the
 * session; a checkout also takes payment and issues an invoice.
 */
final class ShopTopology {

    static final String PRODUCTS = "/products";
    static final String CART = "/cart";
    static final String CHECKOUT = "/checkout";

    private ShopTopology() {
    }

    static List<ServiceSpec> services() {
        return List.of(
                otel("gateway", 2, 0.3, 64, 128, Map.of(
                        PRODUCTS, List.of("catalog"),
                        CART, List.of("auth", "catalog"),
                        CHECKOUT, List.of("auth", "catalog", "checkout")), 0.096, null),
                otel("auth", 3, 0.4, 8, 32, Map.of(), 0.048, null),
                otel("catalog", 8, 0.5, 8, 32, Map.of(
                        PRODUCTS, List.of("pricing", "inventory"),
                        CART, List.of("pricing"),
                        CHECKOUT, List.of("inventory")), 0.096, null),
                otel("pricing", 4, 0.4, 8, 32, Map.of(), 0.048, null),
                otel("inventory", 6, 0.6, 8, 32, Map.of(), 0.048, "stock reserved for order"),
                otel("checkout", 12, 0.5, 8, 32, Map.of(CHECKOUT, List.of("payments", "billing")), 0.192, "order placed"),
                otel("payments", 25, 0.7, 6, 24, Map.of(), 0.192, "payment authorised"),
                new ServiceSpec("billing", 10, 0.5, 6, 24, Map.of(), 0.096, ServiceSpec.Instrumentation.JAEGER, "invoice issued"));
    }

    private static ServiceSpec otel(String name, double medianMillis, double sigma, int concurrency, int queue,
            Map<String, List<String>> calls, double pricePerInstanceHour, String checkoutLog) {
        return new ServiceSpec(name, medianMillis, sigma, concurrency, queue, calls, pricePerInstanceHour,
                ServiceSpec.Instrumentation.OPENTELEMETRY, checkoutLog);
    }
}
