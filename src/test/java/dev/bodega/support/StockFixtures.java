package dev.bodega.support;

import dev.bodega.platform.Ids;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/** Locations and items straight into the tables, for tests of the stock engine. */
@TestComponent
public class StockFixtures {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    StockFixtures(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public UUID location(TestFixtures.Tenant tenant, String name) {
        UUID id = Ids.next();
        asAdmin(tenant, () -> jdbc.sql("INSERT INTO locations (tenant_id, id, name) VALUES (:t, :id, :name)")
                .param("t", tenant.id()).param("id", id).param("name", name).update());
        return id;
    }

    public UUID item(TestFixtures.Tenant tenant, String sku, String unit, BigDecimal minStock) {
        UUID id = Ids.next();
        asAdmin(tenant, () -> jdbc.sql("""
                        INSERT INTO items (tenant_id, id, sku, name, unit_code, kind, min_stock, cost_price, sale_price)
                        VALUES (:t, :id, :sku, :name, :unit, :kind, :min, 1, 2)""")
                .param("t", tenant.id()).param("id", id).param("sku", sku).param("name", "Item " + sku)
                .param("unit", unit).param("kind", unit.equals("pcs") ? "consumable" : "bulk_material")
                .param("min", minStock).update());
        return id;
    }

    public UUID itemId(TestFixtures.Tenant tenant, String sku) {
        return asAdmin(tenant, () -> jdbc.sql("SELECT id FROM items WHERE sku = :sku AND deleted_at IS NULL")
                .param("sku", sku).query(UUID.class).single());
    }

    public BigDecimal onHand(TestFixtures.Tenant tenant, UUID location, UUID item) {
        return asAdmin(tenant, () -> jdbc.sql("""
                        SELECT coalesce((SELECT on_hand FROM stock_levels WHERE location_id = :l AND item_id = :i), 0)""")
                .param("l", location).param("i", item).query(BigDecimal.class).single());
    }

    /** Levels of the tenant whose on_hand differs from the sum of their ledger rows. */
    public long ledgerMismatches(TestFixtures.Tenant tenant) {
        return asAdmin(tenant, () -> jdbc.sql("SELECT count(*) FROM stock_ledger_mismatches").query(Long.class).single());
    }

    public <T> T asAdmin(TestFixtures.Tenant tenant, java.util.function.Supplier<T> work) {
        return TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> transactions.execute(tx -> work.get()));
    }
}
