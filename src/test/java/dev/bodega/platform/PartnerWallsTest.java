package dev.bodega.platform;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.service.MachineSetup;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Raw SQL as the application role with a partner set (seed 004 partner users, V119–V122): the database alone keeps
 * a partner to its organization's rows of every partner-scoped table, and out of the staff's tables.
 */
@BodegaTest
class PartnerWallsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired PartnerSetup partners;
    @Autowired MachineSetup machines;
    @Autowired StockPostings postings;

    /**
     * Tenant tables a partner user reads whole, by design: the catalog it orders from, the roles its admin assigns,
     * numbering and records its own work writes. Every other tenant table has a restrictive partner policy.
     */
    private static final Set<String> TENANT_WIDE = Set.of("items", "categories", "vehicle_models",
            "item_vehicle_models", "roles", "user_roles", "invoice_series", "customer_order_counters", "stock_postings",
            "business_events", "business_event_queue", "idempotency_keys", "notifications", "notification_subscriptions");

    private TestFixtures.Tenant tenant;
    private final Map<String, UUID> ids = new java.util.HashMap<>();

    @BeforeEach
    void twoCustomerOrganizationsAndTheShopWithRowsInEveryPartnerTable() throws SQLException {
        tenant = fixtures.tenant();
        UUID item = stock.item(tenant, "FIL-1", "pcs", BigDecimal.ONE);
        ids.put("shop", stock.location(tenant, "Bodega central"));
        for (String org : List.of("A", "B")) {
            UUID organization = stock.asAdmin(tenant, () -> partners.createOrganization(
                    new PartnerSetup.NewOrganization("Cliente " + org, "customer", null, null, null)));
            ids.put(org, organization);
            ids.put("user" + org, fixtures.partnerUser(tenant, organization, "u" + org.toLowerCase() + "@"
                    + tenant.slug() + ".test", "partner_user"));
            ids.put("machine" + org, stock.asAdmin(tenant, () -> {
                UUID machine = machines.registerMachine(new MachineSetup.NewMachine("SN-" + org, "Prensa " + org,
                        "P-200", organization, null, null, null));
                machines.recordReading(machine, "hours", BigDecimal.TEN, Instant.now());
                return machine;
            }));
        }
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false)");
            for (String org : List.of("A", "B")) {
                ids.put("warehouse" + org, insertLocation(sql, "Almacén " + org, ids.get(org)));
                ids.put("customer" + org, insertCustomer(sql, org, ids.get(org)));
                ids.put("sale" + org, insertSale(sql, ids.get("shop"), ids.get("customer" + org), item));
            }
            ids.put("salePerson", insertSale(sql, ids.get("shop"), insertCustomer(sql, "P", null), item));
        }
        stock.asAdmin(tenant, () -> postings.post(new StockPostings.Posting("receipt", null, null, "test", null,
                List.of(StockPostings.Line.in(ids.get("shop"), item, MovementType.RECEIPT, BigDecimal.TEN, BigDecimal.ONE),
                        StockPostings.Line.in(ids.get("warehouseA"), item, MovementType.RECEIPT, new BigDecimal("2"), BigDecimal.ONE),
                        StockPostings.Line.in(ids.get("warehouseB"), item, MovementType.RECEIPT, BigDecimal.ONE, BigDecimal.ONE)))));
    }

    @Test
    void aPartnerUserSeesOnlyItsOrganizationsRows() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            actAs(sql, ids.get("userA"), ids.get("A"));
            assertThat(column(sql, "SELECT id FROM partner_organizations")).containsExactly(ids.get("A"));
            assertThat(column(sql, "SELECT id FROM locations")).containsExactly(ids.get("warehouseA"));
            assertThat(column(sql, "SELECT location_id FROM stock_levels")).containsExactly(ids.get("warehouseA"));
            assertThat(column(sql, "SELECT location_id FROM stock_ledger")).containsExactly(ids.get("warehouseA"));
            assertThat(column(sql, "SELECT id FROM machines")).containsExactly(ids.get("machineA"));
            assertThat(column(sql, "SELECT machine_id FROM machine_readings")).containsExactly(ids.get("machineA"));
            assertThat(column(sql, "SELECT id FROM customers")).containsExactly(ids.get("customerA"));
            assertThat(column(sql, "SELECT id FROM sales")).containsExactly(ids.get("saleA"));
            assertThat(column(sql, "SELECT sale_id FROM sale_lines")).containsExactly(ids.get("saleA"));
            // Its colleagues and the shop's staff, never another partner's people.
            assertThat(column(sql, "SELECT id FROM users")).contains(ids.get("userA"), tenant.adminId())
                    .doesNotContain(ids.get("userB"));
            for (String staffOnly : List.of("api_keys", "audit_log", "suppliers", "item_price_history",
                    "supplier_orders", "stock_adjustments", "transfer_requests", "technician_movements",
                    "cash_sessions")) {
                assertThat(count(sql, staffOnly)).as(staffOnly).isZero();
            }
        }
    }

    @Test
    void aPartnerUserCannotWriteIntoAnotherOrganization() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            actAs(sql, ids.get("userA"), ids.get("A"));
            assertThatThrownBy(() -> insertLocation(sql, "Intruso", ids.get("B")))
                    .hasMessageContaining("row-level security");
            assertThat(insertLocation(sql, "Almacén A2", ids.get("A"))).isNotNull();
            assertThat(sql.executeUpdate("UPDATE machines SET notes = 'x' WHERE id = '" + ids.get("machineB") + "'"))
                    .as("another organization's machine is not there to change").isZero();
        }
    }

    @Test
    void everyOtherTenantTableHasAPartnerWall() throws SQLException {
        List<String> unwalled = new java.util.ArrayList<>();
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("""
                     SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity AND NOT c.relispartition
                       AND EXISTS (SELECT 1 FROM pg_attribute a
                                   WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                       AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND NOT p.polpermissive)""")) {
            while (rows.next()) {
                unwalled.add(rows.getString(1));
            }
        }
        assertThat(unwalled).as("a partner user reads these whole: give each a restrictive <table>_partner policy, "
                + "or SELECT app_wall_off_partners('<table>')").isSubsetOf(TENANT_WIDE);
    }

    @Test
    void staffSeeEveryOrganizationAsBefore() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            actAs(sql, tenant.adminId(), null);
            assertThat(column(sql, "SELECT id FROM locations"))
                    .contains(ids.get("shop"), ids.get("warehouseA"), ids.get("warehouseB"));
            assertThat(column(sql, "SELECT location_id FROM stock_levels"))
                    .containsExactlyInAnyOrder(ids.get("shop"), ids.get("warehouseA"), ids.get("warehouseB"));
            assertThat(column(sql, "SELECT id FROM sales"))
                    .containsExactlyInAnyOrder(ids.get("saleA"), ids.get("saleB"), ids.get("salePerson"));
            assertThat(column(sql, "SELECT id FROM machines"))
                    .containsExactlyInAnyOrder(ids.get("machineA"), ids.get("machineB"));
            assertThat(count(sql, "api_keys")).isPositive();
            assertThat(count(sql, "audit_log")).isPositive();
        }
    }

    private void actAs(Statement sql, UUID user, UUID partner) throws SQLException {
        sql.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false), set_config('app.user_id', '"
                + user + "', false), set_config('app.partner_id', '" + (partner == null ? "" : partner) + "', false)");
    }

    private static UUID insertLocation(Statement sql, String name, UUID organization) throws SQLException {
        UUID id = Ids.next();
        sql.executeUpdate("INSERT INTO locations (tenant_id, id, name, organization_id) VALUES (app_current_tenant(), '"
                + id + "', '" + name + "', '" + organization + "')");
        return id;
    }

    private static UUID insertCustomer(Statement sql, String name, UUID organization) throws SQLException {
        UUID id = Ids.next();
        sql.executeUpdate("INSERT INTO customers (tenant_id, id, document_type, document_number, first_name, "
                + "organization_id) VALUES (app_current_tenant(), '" + id + "', 'RUC', 'DOC-" + name + "', 'Cliente "
                + name + "', " + (organization == null ? "NULL" : "'" + organization + "'") + ")");
        return id;
    }

    private static UUID insertSale(Statement sql, UUID location, UUID customer, UUID item) throws SQLException {
        UUID id = Ids.next();
        sql.executeUpdate("INSERT INTO sales (tenant_id, id, status, location_id, customer_id, currency, "
                + "prices_include_tax, subtotal, total) VALUES (app_current_tenant(), '" + id + "', 'pending', '"
                + location + "', '" + customer + "', 'PEN', true, 2, 2)");
        sql.executeUpdate("INSERT INTO sale_lines (tenant_id, id, sale_id, position, item_id, item_name, item_sku, "
                + "quantity, unit_price, subtotal, tax_rate, tax, total) VALUES (app_current_tenant(), '" + Ids.next()
                + "', '" + id + "', 1, '" + item + "', 'Filtro', 'FIL-1', 1, 2, 2, 0, 0, 2)");
        return id;
    }

    private static Set<UUID> column(Statement sql, String query) throws SQLException {
        Set<UUID> values = new HashSet<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getObject(1, UUID.class));
            }
        }
        return values;
    }

    private static long count(Statement sql, String table) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
