package dev.bodega.platform.internal.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the database is. With no {@code url}, Bodega runs its own embedded
 * PostgreSQL in {@code dataDir}; otherwise it connects to {@code url} as the
 * restricted application role and migrates as the owner role.
 */
@ConfigurationProperties("bodega.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        String ownerUser,
        String ownerPassword,
        Path dataDir,
        boolean cleanOnStart,
        int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public String ownerUserOrApp() {
        return ownerUser == null || ownerUser.isBlank() ? user : ownerUser;
    }

    public String ownerPasswordOrApp() {
        return ownerUser == null || ownerUser.isBlank() ? password : ownerPassword;
    }
}
