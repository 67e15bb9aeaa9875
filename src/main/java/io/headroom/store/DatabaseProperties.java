package io.headroom.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Headroom keeps its data. With no {@code url} (env {@code HEADROOM_DB_URL}) it runs an
 * embedded PostgreSQL whose data directory survives restarts.
 */
@ConfigurationProperties("headroom.db")
public record DatabaseProperties(String url, String user, String password, Embedded embedded) {

    public DatabaseProperties {
        if (embedded == null) {
            embedded = new Embedded(null, 0);
        }
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDir defaults to {@code ~/.headroom/pgdata}
     * @param port 0 picks a free port
     */
    public record Embedded(Path dataDir, int port) {
        public Embedded {
            if (dataDir == null) {
                dataDir = Path.of(System.getProperty("user.home"), ".headroom", "pgdata");
            }
        }
    }
}
