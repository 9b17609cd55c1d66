package dev.bodega.inventory.internal.alerts;

import dev.bodega.platform.DataCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The transactional outbox (Spring Modulith's event publication registry, every module's): a publication still
 * incomplete after {@link #STUCK_AFTER} is one its listener keeps failing, or one waiting for a restart to be
 * delivered again. Inventory reads the registry's table because its migration V61 created it (low-stock alerts were
 * the first listeners that had to survive a crash).
 */
@Component
class OutboxBacklogCheck implements DataCheck {

    static final String STUCK_AFTER = "15 minutes";

    private final JdbcClient jdbc;

    OutboxBacklogCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "outbox-backlog";
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> violations() {
        return jdbc.sql("""
                        SELECT listener_id, event_type, publication_date FROM event_publication
                        WHERE completion_date IS NULL AND publication_date < now() - CAST(:age AS interval)
                        ORDER BY publication_date""")
                .param("age", STUCK_AFTER)
                .query((rs, n) -> "listener=" + rs.getString(1) + " event=" + rs.getString(2) + " since="
                        + rs.getTimestamp(3).toInstant())
                .list();
    }
}
