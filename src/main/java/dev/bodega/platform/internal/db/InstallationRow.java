package dev.bodega.platform.internal.db;

import dev.bodega.platform.Installation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Installation} on the one row of {@code installation}. */
@Service
class InstallationRow implements Installation {

    private final JdbcClient jdbc;

    InstallationRow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public boolean claimDemoCompany() {
        return jdbc.sql("UPDATE installation SET demo_seeded_at = now() WHERE demo_seeded_at IS NULL").update() == 1;
    }
}
