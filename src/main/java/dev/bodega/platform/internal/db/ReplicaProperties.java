package dev.bodega.platform.internal.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * A streaming replica that reports, dashboards and exports may read from ({@code BODEGA_DB_REPLICA_URL}), as the
 * application role; without a {@code url} there is none. A report goes to the primary while the replica is more
 * than {@code maxLag} behind it or down, as last checked at most {@code checkEvery} ago.
 */
@ConfigurationProperties("bodega.db.replica")
public record ReplicaProperties(String url, String user, String password, Duration maxLag, Duration checkEvery) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
