package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers: unique document among the living, versioned edits, soft delete, purchase history; sellers may use them. */
@BodegaTest
class CustomersApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void documentIsUniqueAmongCustomersThatAreNotDeleted() {
        var tenant = fixtures.tenant();
        var created = api.post(tenant.adminKey(), "/api/v1/customers", customer("cc", " 80.123.456 ", "Luis", "Pérez"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("documentType").asString()).isEqualTo("CC");
        assertThat(created.json().get("documentNumber").asString()).isEqualTo("80.123.456");
        assertThat(created.json().get("name").asString()).isEqualTo("Luis Pérez");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");

        var duplicate = api.post(tenant.adminKey(), "/api/v1/customers", customer("CC", "80.123.456", "Otro", null));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).endsWith("/document-taken");
        assertThat(api.post(tenant.adminKey(), "/api/v1/customers", customer("NIT", "80.123.456", "Empresa", null)).status())
                .as("another document type is another document").isEqualTo(201);

        String id = created.json().get("id").asString();
        assertThat(api.delete(tenant.adminKey(), "/api/v1/customers/" + id).status()).isEqualTo(204);
        assertThat(api.get(tenant.adminKey(), "/api/v1/customers/" + id).status()).isEqualTo(404);
        assertThat(api.post(tenant.adminKey(), "/api/v1/customers", customer("CC", "80.123.456", "Luis", "Pérez")).status())
                .as("a deleted customer's document is free again").isEqualTo(201);
    }

    /** Seed 004: a customer organization has one customer record (its invoices); a person or a supplier none. */
    @Test
    void aCustomerRecordMayStandForOneCustomerOrganization() {
        var tenant = fixtures.tenant();
        String granja = organization(tenant, "Granja Marina", "customer", null);
        String maker = organization(tenant, "BossAqua", "manufacturer", null);
        Map<String, Object> body = customer("RUC", "20100", "Granja Marina", null);
        body.put("organizationId", maker);
        var notACustomer = api.post(tenant.adminKey(), "/api/v1/customers", body);
        assertThat(notACustomer.status()).isEqualTo(422);
        assertThat(notACustomer.json().get("type").asString()).endsWith("/not-a-customer-organization");
        body.put("organizationId", granja);
        var linked = api.post(tenant.adminKey(), "/api/v1/customers", body);
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(linked.json().get("organizationId").asString()).isEqualTo(granja);
        Map<String, Object> second = customer("RUC", "20101", "Granja Marina Sur", null);
        second.put("organizationId", granja);
        var taken = api.post(tenant.adminKey(), "/api/v1/customers", second);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("type").asString()).endsWith("/organization-has-customer");
    }

    private String organization(TestFixtures.Tenant tenant, String name, String type, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("parentId", parent);
        return api.post(tenant.adminKey(), "/api/v1/organizations", body).json().get("id").asString();
    }

    @Test
    void editsNeedTheCurrentVersion() {
        var tenant = fixtures.tenant();
        String id = api.post(tenant.adminKey(), "/api/v1/customers", customer("DNI", "4455", "Rosa", null)).json().get("id").asString();
        String path = "/api/v1/customers/" + id;
        Map<String, Object> changes = customer("DNI", "4455", "Rosa", "Díaz");
        changes.put("email", "Rosa@Example.com");
        changes.put("city", "Lima");

        assertThat(api.put(tenant.adminKey(), path, changes, Map.of()).status()).isEqualTo(428);
        var saved = api.put(tenant.adminKey(), path, changes, Map.of("If-Match", "\"0\""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"1\"");
        assertThat(saved.json().get("email").asString()).isEqualTo("rosa@example.com");
        var stale = api.put(tenant.adminKey(), path, changes, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");

        changes.put("email", "not-an-email");
        assertThat(api.put(tenant.adminKey(), path, changes, Map.of("If-Match", "\"1\"")).status()).isEqualTo(400);

        JsonNode found = api.get(tenant.adminKey(), "/api/v1/customers?q=díaz").json();
        assertThat(found.get("items").size()).isEqualTo(1);
        assertThat(api.get(tenant.adminKey(), "/api/v1/customers?q=4455").json().get("items").size()).isEqualTo(1);
        assertThat(api.get(tenant.adminKey(), "/api/v1/customers?q=nobody").json().get("items").size()).isZero();
    }

    @Test
    void historyListsCompletedSalesOnlyNewestFirstWithTheSeller() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        UUID item = shop.item("HIST", "3.00", "10", "1.00");
        UUID customer = shop.customer("7788", "Carla");
        JsonNode first = shop.sell(customer, Shop.lines(item, 1));
        JsonNode second = shop.sell(customer, Shop.lines(item, 2));
        api.post(shop.tenant.adminKey(), "/api/v1/sales", shop.sale(customer, Shop.lines(item, 1), false, null));
        api.post(shop.tenant.adminKey(), "/api/v1/sales/" + first.get("id").asString() + "/cancel", Map.of("reason", "x"));

        JsonNode history = api.get(shop.tenant.adminKey(), "/api/v1/customers/" + customer + "/sales").json();

        assertThat(history.get("items").size()).isEqualTo(1);
        JsonNode row = history.get("items").get(0);
        assertThat(row.get("id").asString()).isEqualTo(second.get("id").asString());
        assertThat(row.get("invoice").asString()).isEqualTo("F001-00000002");
        assertThat(row.get("paymentMethod").asString()).isEqualTo("cash");
        assertThat(row.get("sellerName").asString()).startsWith("Admin ");
        JsonNode filtered = api.get(shop.tenant.adminKey(), "/api/v1/sales?customerId=" + customer + "&status=completed").json();
        assertThat(filtered.get("items").size()).isEqualTo(1);
    }

    @Test
    void aSellerSellsToCustomersAViewerOnlyReads() {
        var tenant = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        UUID viewer = fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("sales.*", "customers.*"), List.of("sales.*", "customers.*"));
        String viewerKey = fixtures.apiKey(tenant, viewer, Set.of("*.read"), List.of("*.read"));

        assertThat(api.post(sellerKey, "/api/v1/customers", customer("CC", "1", "Uno", null)).status()).isEqualTo(201);
        assertThat(api.post(viewerKey, "/api/v1/customers", customer("CC", "2", "Dos", null)).status()).isEqualTo(403);
        assertThat(api.get(viewerKey, "/api/v1/customers").status()).isEqualTo(200);
        assertThat(api.post(viewerKey, "/api/v1/invoice-series", Map.of("code", "X1", "locationId", UUID.randomUUID())).status())
                .isEqualTo(403);
    }

    private static Map<String, Object> customer(String type, String number, String first, String last) {
        Map<String, Object> body = new HashMap<>();
        body.put("documentType", type);
        body.put("documentNumber", number);
        body.put("firstName", first);
        if (last != null) {
            body.put("lastName", last);
        }
        return body;
    }
}
