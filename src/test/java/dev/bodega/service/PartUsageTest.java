package dev.bodega.service;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Ids;
import dev.bodega.platform.PartnerSetup;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Part usage on customers' machines (seed 004 part_usage, consumption): a partner user records parts used on its
 * own machines from its own warehouses, the ledger moves through one PART_USAGE posting, and the wall keeps every
 * other organization's (and company's) machines, warehouses and usage out of reach.
 */
@BodegaTest
class PartUsageTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired PartnerSetup partners;
    @Autowired InventorySetup inventory;
    @Autowired MachineSetup machines;
    @Autowired StockPostings postings;
    @Autowired Api api;

    private TestFixtures.Tenant tenant;
    private UUID item;
    private UUID shop;
    private final Map<String, UUID> ids = new HashMap<>();

    /** Two customer organizations, A and B, each with a partner user, a warehouse holding 10 filters and a machine. */
    @BeforeEach
    void twoCustomersWithTheirWarehousesAndMachines() {
        tenant = fixtures.tenant();
        item = stock.item(tenant, "FIL-9", "pcs", BigDecimal.ZERO);
        shop = stock.location(tenant, "Bodega central");
        List<StockPostings.Line> opening = new ArrayList<>();
        opening.add(StockPostings.Line.in(shop, item, MovementType.RECEIPT, BigDecimal.TEN, BigDecimal.ONE));
        for (String org : List.of("A", "B")) {
            UUID organization = stock.asAdmin(tenant, () -> partners.createOrganization(
                    new PartnerSetup.NewOrganization("Granja " + org, "customer", null, null, null)));
            ids.put(org, organization);
            ids.put("warehouse" + org, stock.asAdmin(tenant, () -> inventory.createLocation(
                    new InventorySetup.NewLocation("Almacén " + org, "warehouse", null, null, organization))));
            ids.put("machine" + org, stock.asAdmin(tenant, () -> machines.registerMachine(new MachineSetup.NewMachine(
                    "SN-" + org, "AutoBoss " + org, "V4.0", organization, null, null, "Estanque 1"))));
            ids.put("user" + org, fixtures.partnerUser(tenant, organization, email(org), "partner_user"));
            opening.add(StockPostings.Line.in(ids.get("warehouse" + org), item, MovementType.RECEIPT, BigDecimal.TEN,
                    BigDecimal.ONE));
        }
        stock.asAdmin(tenant, () -> postings.post(new StockPostings.Posting("receipt", null, null, null, null, opening)));
    }

    @Test
    void aPartnerRecordsUsageOnItsMachineAndTheLedgerKeepsItsInvariant() throws SQLException {
        WebSession partner = signedIn("A");
        var recorded = partner.api("POST", "/api/v1/portal/part-usage", usage("machineA", "warehouseA", "3"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode body = recorded.json();
        String id = body.get("id").asString();
        assertThat(recorded.header("Location")).isEqualTo("/api/v1/portal/part-usage/" + id);
        assertThat(body.get("organizationName").asString()).isEqualTo("Granja A");
        assertThat(body.get("serialNumber").asString()).isEqualTo("SN-A");
        assertThat(body.get("quantity").decimalValue()).isEqualByComparingTo("3");

        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("7");
        assertThat(stock.onHand(tenant, ids.get("warehouseB"), item)).isEqualByComparingTo("10");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            actAs(sql, tenant.adminId(), null);
            try (ResultSet rs = sql.executeQuery("""
                    SELECT g.movement_type, g.quantity, p.kind, p.document_type, p.document_id, p.note
                    FROM stock_ledger g JOIN stock_postings p ON p.tenant_id = g.tenant_id AND p.id = g.posting_id
                    WHERE g.location_id = '%s' AND g.movement_type = 'part_usage'""".formatted(ids.get("warehouseA")))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal("quantity")).isEqualByComparingTo("-3");
                assertThat(rs.getString("document_type")).isEqualTo("part_usage");
                assertThat(rs.getString("document_id")).isEqualTo(id);
                assertThat(rs.getString("note")).contains("SN-A");
                assertThat(rs.next()).isFalse();
            }
        }

        var machine = partner.api("GET", "/api/v1/portal/machines/" + ids.get("machineA"), null).json();
        assertThat(machine.get("usage").get("usageCount").asLong()).isEqualTo(1);
        assertThat(machine.get("usage").get("totalQuantity").decimalValue()).isEqualByComparingTo("3");
        assertThat(machine.get("parts").get(0).get("sku").asString()).isEqualTo("FIL-9");
    }

    @Test
    void usageHeldByAnApprovalRuleMovesStockOnceWhenApprovedAndNeverWhenRejected() {
        assertThat(api.post(tenant.adminKey(), "/api/v1/approval-rules", Map.of("movementType", "part_usage"))
                .status()).isEqualTo(201);
        WebSession partner = signedIn("A");
        var held = partner.api("POST", "/api/v1/portal/part-usage", usage("machineA", "warehouseA", "3"));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        assertThat(held.json().get("status").asString()).isEqualTo("pending");
        String approval = held.json().get("approvalId").asString();
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("10");

        var approved = api.post(tenant.adminKey(), "/api/v1/approvals/" + approval + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api.post(tenant.adminKey(), "/api/v1/approvals/" + approval + "/approve", Map.of()).status())
                .isEqualTo(409);
        var usage = partner.api("GET", "/api/v1/portal/part-usage/" + held.json().get("id").asString(), null).json();
        assertThat(usage.get("status").asString()).isEqualTo("posted");
        assertThat(usage.get("postingId").isNull()).isFalse();
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("7");

        var rejectedOne = partner.api("POST", "/api/v1/portal/part-usage", usage("machineA", "warehouseA", "2"));
        assertThat(rejectedOne.status()).isEqualTo(202);
        assertThat(api.post(tenant.adminKey(), "/api/v1/approvals/" + rejectedOne.json().get("approvalId").asString()
                + "/reject", Map.of("reason", "No corresponde")).status()).isEqualTo(200);
        assertThat(partner.api("GET", "/api/v1/portal/part-usage/" + rejectedOne.json().get("id").asString(), null)
                .json().get("status").asString()).isEqualTo("rejected");
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("7");
        assertThat(ledgerRows()).isEqualTo(4);
        assertThat(stock.ledgerMismatches(tenant)).isZero();
        var machine = partner.api("GET", "/api/v1/portal/machines/" + ids.get("machineA"), null).json();
        assertThat(machine.get("usage").get("usageCount").asLong()).as("only posted usage counts").isEqualTo(1);
    }

    @Test
    void usageOnAnotherOrganizationsMachineOrWarehouseIsRefusedAndPostsNothing() {
        WebSession partner = signedIn("A");
        var foreignMachine = partner.api("POST", "/api/v1/portal/part-usage", usage("machineB", "warehouseB", "1"));
        assertThat(foreignMachine.status()).isEqualTo(422);
        assertThat(foreignMachine.json().get("type").asString()).endsWith("/usage-unknown-machine");
        var foreignWarehouse = partner.api("POST", "/api/v1/portal/part-usage", usage("machineA", "warehouseB", "1"));
        assertThat(foreignWarehouse.status()).isEqualTo(422);
        assertThat(foreignWarehouse.json().get("type").asString()).endsWith("/usage-foreign-warehouse");
        var shopWarehouse = partner.api("POST", "/api/v1/portal/part-usage",
                "{\"machineId\":\"%s\",\"warehouseId\":\"%s\",\"itemId\":\"%s\",\"quantity\":1}"
                        .formatted(ids.get("machineA"), shop, item));
        assertThat(shopWarehouse.status()).isEqualTo(422);
        // Staff may record for any customer, but only from the warehouse of the machine's own organization.
        var mixed = api.post(tenant.adminKey(), "/api/v1/part-usage", Map.of("machineId", ids.get("machineB"),
                "warehouseId", ids.get("warehouseA"), "itemId", item, "quantity", 1));
        assertThat(mixed.status()).isEqualTo(422);

        for (String warehouse : List.of("warehouseA", "warehouseB")) {
            assertThat(stock.onHand(tenant, ids.get(warehouse), item)).isEqualByComparingTo("10");
        }
        assertThat(stock.onHand(tenant, shop, item)).isEqualByComparingTo("10");
        assertThat(api.get(tenant.adminKey(), "/api/v1/part-usage").json().get("items")).isEmpty();
        assertThat(ledgerRows()).isEqualTo(3);
    }

    @Test
    void shortStockIsRefusedUnlessTheCompanyAllowsNegativeStock() {
        var refused = api.post(tenant.adminKey(), "/api/v1/part-usage", Map.of("machineId", ids.get("machineB"),
                "warehouseId", ids.get("warehouseB"), "itemId", item, "quantity", 11));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(api.get(tenant.adminKey(), "/api/v1/part-usage").json().get("items")).isEmpty();

        var settings = api.get(tenant.adminKey(), "/api/v1/settings");
        Map<String, Object> change = new HashMap<>();
        for (String field : List.of("name", "currency", "locale", "timeZone")) {
            change.put(field, settings.json().get(field).asString());
        }
        change.put("taxRate", settings.json().get("taxRate").decimalValue());
        change.put("pricesIncludeTax", settings.json().get("pricesIncludeTax").asBoolean());
        change.put("allowNegativeStock", true);
        assertThat(api.put(tenant.adminKey(), "/api/v1/settings", change, Map.of("If-Match", settings.header("ETag")))
                .status()).isEqualTo(200);

        var allowed = api.post(tenant.adminKey(), "/api/v1/part-usage", Map.of("machineId", ids.get("machineB"),
                "warehouseId", ids.get("warehouseB"), "itemId", item, "quantity", 11));
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(201);
        assertThat(stock.onHand(tenant, ids.get("warehouseB"), item)).isEqualByComparingTo("-1");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnce() {
        Map<String, Object> body = Map.of("machineId", ids.get("machineA"), "warehouseId", ids.get("warehouseA"),
                "itemId", item, "quantity", 2);
        Map<String, String> key = Map.of("Idempotency-Key", "usage-" + UUID.randomUUID());
        var first = api.send(tenant.adminKey(), "POST", "/api/v1/part-usage", body, key);
        var retry = api.send(tenant.adminKey(), "POST", "/api/v1/part-usage", body, key);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("8");
        var other = api.send(tenant.adminKey(), "POST", "/api/v1/part-usage", Map.of("machineId", ids.get("machineA"),
                "warehouseId", ids.get("warehouseA"), "itemId", item, "quantity", 3), key);
        assertThat(other.status()).isEqualTo(409);
    }

    @Test
    void rawSqlWithAPartnerSetSeesOnlyItsPartUsage() throws SQLException {
        String usageA = recordAsStaff("machineA", "warehouseA");
        String usageB = recordAsStaff("machineB", "warehouseB");
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            actAs(sql, ids.get("userA"), ids.get("A"));
            assertThat(column(sql, "SELECT id FROM part_usage")).containsExactly(usageA);
            assertThat(column(sql, "SELECT machine_id FROM machine_usage_summary"))
                    .containsExactly(ids.get("machineA").toString());
            // Its own row copied under another organization's name is refused by the wall.
            assertThatThrownBy(() -> sql.executeUpdate("""
                    INSERT INTO part_usage (tenant_id, id, organization_id, machine_id, location_id, item_id, quantity,
                                            used_at, posting_id)
                    SELECT tenant_id, '%s', '%s', machine_id, location_id, item_id, 1, now(), posting_id
                    FROM part_usage""".formatted(Ids.next(), ids.get("B"))))
                    .hasMessageContaining("row-level security");

            actAs(sql, tenant.adminId(), null);
            assertThat(column(sql, "SELECT id FROM part_usage")).containsExactlyInAnyOrder(usageA, usageB);
        }
    }

    @Test
    void anotherPartnersOrAnotherCompanysIdsAreNotFound() {
        String usageB = recordAsStaff("machineB", "warehouseB");
        var other = fixtures.tenant();
        String otherCustomer = api.post(other.adminKey(), "/api/v1/organizations",
                Map.of("name", "Otra granja", "type", "customer")).json().get("id").asString();
        String otherMachine = api.post(other.adminKey(), "/api/v1/machines", Map.of("serialNumber", "SN-X",
                "name", "AutoBoss X", "model", "V4.0", "organizationId", otherCustomer)).json().get("id").asString();

        WebSession partner = signedIn("A");
        for (String path : List.of("/api/v1/portal/machines/" + ids.get("machineB"), "/api/v1/portal/machines/" + otherMachine,
                "/api/v1/portal/part-usage/" + usageB)) {
            assertThat(partner.api("GET", path, null).status()).as(path).isEqualTo(404);
        }
        WebSession pages = signedIn("A");
        assertThat(pages.get("/portal/machines/" + ids.get("machineB")).status()).isEqualTo(404);
        assertThat(pages.get("/portal/machines/" + otherMachine).status()).isEqualTo(404);
        for (String path : List.of("/api/v1/part-usage/" + usageB, "/api/v1/machines/" + ids.get("machineB") + "/usage")) {
            assertThat(api.get(other.adminKey(), path).status()).as(path).isEqualTo(404);
        }
        assertThat(api.get(tenant.adminKey(), "/api/v1/part-usage/" + usageB).status()).isEqualTo(200);
        // The staff's side is not the partner's: no machines.read.
        assertThat(partner.api("GET", "/api/v1/part-usage/" + usageB, null).status()).isEqualTo(403);
    }

    @Test
    void aPartnerUsersPagesShowOnlyItsMachinesStockAndUsage() {
        recordAsStaff("machineB", "warehouseB");
        WebSession partner = signedIn("A");
        assertThat(partner.get("/").body()).contains("home-portal-machines", "home-portal-usage", "home-portal-stock")
                .contains("href=\"/portal/machines\"");
        var machinesPage = partner.get("/portal/machines");
        assertThat(machinesPage.status()).isEqualTo(200);
        assertThat(machinesPage.body()).contains("SN-A").doesNotContain("SN-B");
        var stockPage = partner.get("/portal/stock");
        assertThat(stockPage.body()).contains("Almacén A").doesNotContain("Almacén B", "Bodega central");

        var form = partner.get("/portal/usage?machineId=" + ids.get("machineA"));
        assertThat(form.body()).contains("SN-A").doesNotContain("SN-B").contains("FIL-9");
        var recorded = partner.post("/portal/usage", Map.of("machineId", ids.get("machineA"),
                "warehouseId", ids.get("warehouseA"), "itemId", item, "quantity", "2", "usedOn", "",
                "notes", "Cambio de filtro", "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(recorded.status()).as(recorded.find("id=\"usage-error\">([^<]*)<")).isEqualTo(302);
        assertThat(recorded.locationPath()).isEqualTo("/portal/machines/" + ids.get("machineA"));
        var machinePage = partner.get("/portal/machines/" + ids.get("machineA"));
        assertThat(machinePage.body()).contains("Cambio de filtro").contains("FIL-9");
        assertThat(machinePage.find("id=\"usage-count\">([^<]*)<")).isEqualTo("1");
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("8");

        var refused = partner.post("/portal/usage", Map.of("machineId", ids.get("machineA"),
                "warehouseId", ids.get("warehouseA"), "itemId", item, "quantity", "50", "usedOn", "",
                "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.find("id=\"usage-error\">([^<]*)<")).isNotBlank();
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("8");

        // The staff's machine page shows the usage of any customer's machine.
        WebSession staff = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        String machineB = "/service/machines/" + ids.get("machineB");
        assertThat(staff.get("/").body()).doesNotContain("home-portal-machines");
        var staffPage = staff.get(machineB);
        assertThat(staffPage.status()).isEqualTo(200);
        assertThat(staffPage.find("id=\"usage-count\">([^<]*)<")).isEqualTo("1");
        var foreign = staff.post(machineB + "/usage", Map.of("warehouseId", ids.get("warehouseA"), "itemId", item,
                "quantity", "2", "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(foreign.locationPath()).isEqualTo(machineB);
        assertThat(staff.get(machineB).find("id=\"usage-error\">([^<]*)<")).isNotBlank();
        assertThat(staff.post(machineB + "/usage", Map.of("warehouseId", ids.get("warehouseB"), "itemId", item,
                "quantity", "2", "idempotencyKey", UUID.randomUUID().toString())).locationPath()).isEqualTo(machineB);
        assertThat(staff.get(machineB).find("id=\"usage-count\">([^<]*)<")).isEqualTo("2");
        assertThat(stock.onHand(tenant, ids.get("warehouseA"), item)).isEqualByComparingTo("8");
        assertThat(stock.onHand(tenant, ids.get("warehouseB"), item)).isEqualByComparingTo("7");
    }

    private String recordAsStaff(String machine, String warehouse) {
        var created = api.post(tenant.adminKey(), "/api/v1/part-usage", Map.of("machineId", ids.get(machine),
                "warehouseId", ids.get(warehouse), "itemId", item, "quantity", 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String usage(String machine, String warehouse, String quantity) {
        return "{\"machineId\":\"%s\",\"warehouseId\":\"%s\",\"itemId\":\"%s\",\"quantity\":%s}"
                .formatted(ids.get(machine), ids.get(warehouse), item, quantity);
    }

    private String email(String org) {
        return "u" + org.toLowerCase() + "@" + tenant.slug() + ".test";
    }

    private WebSession signedIn(String org) {
        return WebSession.signedIn(api.baseUrl(), tenant.slug(), email(org), TestFixtures.PASSWORD);
    }

    private long ledgerRows() {
        try (Connection connection = fixtures.appConnection(); Statement sql = connection.createStatement()) {
            actAs(sql, tenant.adminId(), null);
            try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM stock_ledger")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void actAs(Statement sql, UUID user, UUID partner) throws SQLException {
        sql.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false), set_config('app.user_id', '"
                + user + "', false), set_config('app.partner_id', '" + (partner == null ? "" : partner) + "', false)");
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
