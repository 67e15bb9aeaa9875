package io.headroom.demo;

import java.util.List;

/** The default fleet: a small shop whose gateway fans out to the services behind it. */
final class ShopTopology {

    private ShopTopology() {
    }

    static List<ServiceSpec> services() {
        return List.of(
                new ServiceSpec("gateway", 2, 0.3, 64, 128, List.of("auth", "catalog", "checkout"), 0.096),
                new ServiceSpec("auth", 3, 0.4, 8, 32, List.of(), 0.048),
                new ServiceSpec("catalog", 8, 0.5, 8, 32, List.of("pricing", "inventory"), 0.096),
                new ServiceSpec("pricing", 4, 0.4, 8, 32, List.of(), 0.048),
                new ServiceSpec("inventory", 6, 0.6, 8, 32, List.of(), 0.048),
                new ServiceSpec("checkout", 12, 0.5, 8, 32, List.of("payments", "billing"), 0.192),
                new ServiceSpec("payments", 25, 0.7, 6, 24, List.of(), 0.192),
                new ServiceSpec("billing", 10, 0.5, 6, 24, List.of(), 0.096));
    }
}
