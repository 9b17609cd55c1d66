package dev.bodega.inventory.internal.requests;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The company's one in-transit location, where dispatched goods stay on the ledger until received. Made on the
 * first dispatch; a concurrent first dispatch waits on the unique index and then finds the one made.
 */
@Component
class TransitLocation {

    static final String NAME = "En tránsito";

    private final JdbcClient jdbc;

    TransitLocation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID id() {
        return find().orElseGet(() -> {
            // A company may already have a place of that name: the index on names would refuse it, so fall back.
            create(NAME);
            return find().orElseGet(() -> {
                create(NAME + " " + Ids.next().toString().substring(0, 8));
                return find().orElseThrow();
            });
        });
    }

    /**
     * Transit levels of these items exist with a minimum of 0: goods on the road are no shelf that runs short,
     * so leaving transit never raises a low-stock alert.
     */
    void prepareLevels(UUID transitId, java.util.Collection<UUID> items) {
        jdbc.sql("""
                        INSERT INTO stock_levels (tenant_id, location_id, item_id, min_stock)
                        SELECT :tenant, :transit, item, 0 FROM unnest(CAST(:items AS uuid[])) AS item ORDER BY item::text
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("transit", transitId)
                .param("items", items.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    private Optional<UUID> find() {
        return jdbc.sql("SELECT id FROM locations WHERE kind = 'transit'").query(UUID.class).optional();
    }

    private void create(String name) {
        jdbc.sql("""
                        INSERT INTO locations (tenant_id, id, name, kind)
                        VALUES (:tenant, :id, :name, 'transit') ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("name", name)
                .update();
    }
}
