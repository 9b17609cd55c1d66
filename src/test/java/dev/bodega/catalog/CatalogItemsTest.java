package dev.bodega.catalog;

import dev.bodega.platform.TenantContext;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog's Java API for other modules, and tenant isolation of catalog data below the API. */
@BodegaTest
class CatalogItemsTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired CatalogItems catalogItems;
    @Autowired TransactionTemplate transactions;

    @Test
    void findReturnsWhatInventoryNeedsWithinTheCallersTenant() {
        var tenant = fixtures.tenant();
        Map<String, Object> cable = new HashMap<>(ItemsApiTest.item("INFO-1", "Cable 12 AWG"));
        cable.putAll(Map.of("kind", "bulk_material", "unitCode", "m", "minStock", "25.5"));
        UUID cableId = UUID.fromString(api.post(tenant.adminKey(), "/api/v1/items", cable).json().get("id").asString());
        UUID inactive = UUID.fromString(api.post(tenant.adminKey(), "/api/v1/items",
                new HashMap<>(Map.of("sku", "INFO-2", "name", "Inactive", "active", false))).json().get("id").asString());
        UUID deleted = UUID.fromString(api.post(tenant.adminKey(), "/api/v1/items", ItemsApiTest.item("INFO-3", "Gone"))
                .json().get("id").asString());
        api.delete(tenant.adminKey(), "/api/v1/items/" + deleted);
        var other = fixtures.tenant();
        UUID theirs = UUID.fromString(api.post(other.adminKey(), "/api/v1/items", ItemsApiTest.item("INFO-1", "Theirs"))
                .json().get("id").asString());

        ItemInfo info = inTenant(tenant, () -> catalogItems.find(cableId)).orElseThrow();
        assertThat(info).isEqualTo(new ItemInfo(cableId, "INFO-1", "Cable 12 AWG", "m", 2,
                new java.math.BigDecimal("10.00"), new java.math.BigDecimal("15.50"), new java.math.BigDecimal("25.500"),
                true));
        assertThat(inTenant(tenant, () -> catalogItems.find(theirs))).isEmpty();
        assertThat(inTenant(tenant, () -> catalogItems.find(UUID.randomUUID()))).isEmpty();

        Map<UUID, ItemInfo> all = inTenant(tenant, () -> transactions.execute(tx ->
                catalogItems.findAll(List.of(cableId, inactive, deleted, theirs, cableId))));
        assertThat(all).containsOnlyKeys(cableId, inactive, deleted);
        assertThat(all.get(inactive).active()).isFalse();
        assertThat(all.get(deleted).active()).as("a deleted item is found, inactive").isFalse();
        assertThat(inTenant(tenant, () -> catalogItems.findAll(List.of()))).isEmpty();
    }

    @Test
    void theApplicationRoleSeesOnlyItsOwnTenantsCatalogRows() throws Exception {
        var mine = fixtures.tenant();
        var theirs = fixtures.tenant();
        api.post(theirs.adminKey(), "/api/v1/items", ItemsApiTest.item("RLS-1", "Theirs"));
        api.post(theirs.adminKey(), "/api/v1/categories", Map.of("name", "Theirs"));
        api.post(theirs.adminKey(), "/api/v1/suppliers", Map.of("name", "Theirs"));
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + mine.id() + "', false)");
            for (String table : List.of("items", "categories", "suppliers", "item_price_history", "item_suppliers",
                    "item_import_jobs", "item_import_errors")) {
                var rows = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id <> '" + mine.id() + "'");
                rows.next();
                assertThat(rows.getInt(1)).as(table).isZero();
            }
        }
    }

    @Test
    void aForeignSupplierCannotBeLinkedToMyItem() {
        var mine = fixtures.tenant();
        var theirs = fixtures.tenant();
        String item = api.post(mine.adminKey(), "/api/v1/items", ItemsApiTest.item("MINE-1", "Mine")).json()
                .get("id").asString();
        String supplier = api.post(theirs.adminKey(), "/api/v1/suppliers", Map.of("name", "Theirs")).json()
                .get("id").asString();
        assertThat(api.put(mine.adminKey(), "/api/v1/items/" + item + "/suppliers/" + supplier, Map.of(), Map.of())
                .status()).isEqualTo(404);
        assertThat(api.delete(mine.adminKey(), "/api/v1/items/" + item + "/suppliers/" + supplier).status()).isEqualTo(404);
    }

    private static <T> T inTenant(TestFixtures.Tenant tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(new TenantContext.Scope(tenant.id(), tenant.adminId(), null, "test"), work);
    }

}
