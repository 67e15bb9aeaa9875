package io.headroom;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module map in ARCHITECTURE.md, enforced: no cycles, no reaching into another module's internals. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(HeadroomApplication.class).verify();
    }
}
