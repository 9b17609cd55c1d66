package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.Together;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transfer requests through the API: a workshop asks the central warehouse, the warehouse picks and dispatches
 * into transit, the workshop receives one line short. The ledger invariant holds at every step, goods in transit
 * are valued, illegal transitions change nothing, one of two concurrent dispatches wins, and a user of a third
 * location sees none of it (API and raw SQL as the application role).
 */
@BodegaTest
class TransferRequestsTest {

    private static final List<String> WAREHOUSE = List.of("requests.*", "inventory.read");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    TestFixtures.Tenant tenant;
    UUID central;
    UUID workshop;
    UUID elsewhere;
    UUID motor;
    UUID brake;
    UUID mechanic;
    UUID picker;
    UUID outsider;
    String mechanicKey;
    String pickerKey;
    String outsiderKey;

    @BeforeEach
    void aWarehouseAWorkshopAndTheirPeople() {
        tenant = fixtures.tenant();
        central = stock.location(tenant, "Bodega Central");
        workshop = stock.location(tenant, "Taller Norte");
        elsewhere = stock.location(tenant, "Taller Sur");
        motor = stock.item(tenant, "MTR-500W", "pcs", BigDecimal.ZERO);
        brake = stock.item(tenant, "BRK-01", "pcs", BigDecimal.ZERO);
        receive(central, motor, 20, "100.00");
        receive(central, brake, 10, "8.50");

        mechanic = fixtures.user(tenant, "taller@" + tenant.slug() + ".test", "technician");
        outsider = fixtures.user(tenant, "sur@" + tenant.slug() + ".test", "technician");
        picker = fixtures.user(tenant, "bodega@" + tenant.slug() + ".test", "viewer");
        String role = api.post(tenant.adminKey(), "/api/v1/roles", Map.of("name", "bodeguero",
                "description", "Warehouse", "permissions", WAREHOUSE)).json().get("id").asString();
        var user = api.get(tenant.adminKey(), "/api/v1/users/" + picker);
        assertThat(api.put(tenant.adminKey(), "/api/v1/users/" + picker + "/roles", Map.of("roleIds", List.of(role)),
                Map.of("If-Match", user.header("etag"))).status()).isEqualTo(200);
        assign(central, picker);
        assign(workshop, mechanic);
        assign(elsewhere, outsider);
        List<String> technician = List.of("requests.view", "requests.create", "requests.receive", "inventory.read");
        mechanicKey = fixtures.apiKey(tenant, mechanic, new HashSet<>(technician), technician);
        outsiderKey = fixtures.apiKey(tenant, outsider, new HashSet<>(technician), technician);
        pickerKey = fixtures.apiKey(tenant, picker, new HashSet<>(WAREHOUSE), WAREHOUSE);
    }

    @Test
    void aRequestTravelsThroughTransitAndArrivesOneShortOnTheLedger() {
        String id = request();
        assertThat(notices(picker)).containsExactly("Nueva solicitud SOL-1");

        ok(api.post(pickerKey, path(id, "start-picking"), Map.of("comment", "Empezamos")));
        ok(api.post(pickerKey, path(id, "picking"), Map.of("lines", List.of(Map.of("itemId", brake, "quantity", 3)))));
        JsonNode dispatched = ok(api.post(pickerKey, path(id, "dispatch"), Map.of("transportGuide", "GUIA-778")));
        assertThat(dispatched.get("status").asString()).isEqualTo("DESPACHADO");
        assertThat(dispatched.get("transportGuide").asString()).isEqualTo("GUIA-778");

        UUID transit = transitLocation();
        assertThat(stock.onHand(tenant, central, motor)).isEqualByComparingTo("15");
        assertThat(stock.onHand(tenant, central, brake)).isEqualByComparingTo("7");
        assertThat(stock.onHand(tenant, transit, motor)).isEqualByComparingTo("5");
        assertThat(stock.onHand(tenant, transit, brake)).isEqualByComparingTo("3");
        assertThat(stock.ledgerMismatches(tenant)).as("on hand = sum of the ledger while in transit").isZero();
        assertThat(transitRows(transit, id)).as("the transit rows name the request").isEqualTo(2);
        JsonNode valuation = api.get(tenant.adminKey(), "/api/v1/reports/stock-valuation").json();
        assertThat(value(valuation, transit)).as("goods in transit are valued").isEqualByComparingTo("525.50");
        assertThat(valuation.get("total").decimalValue()).as("and nothing was lost on the way").isEqualByComparingTo("2085.00");
        assertThat(notices(mechanic)).contains("Solicitud SOL-1 despachada");

        var noReason = api.post(mechanicKey, path(id, "receive"), Map.of("lines",
                List.of(Map.of("itemId", brake, "quantity", 2))));
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.json().get("type").asString()).endsWith("/discrepancy-reason");
        assertThat(stock.onHand(tenant, workshop, brake)).isEqualByComparingTo("0");

        JsonNode received = ok(api.post(mechanicKey, path(id, "receive"), Map.of("comment", "Llegó la caja abierta",
                "lines", List.of(Map.of("itemId", brake, "quantity", 2, "reason", "Una pastilla no venía en la caja")))));
        assertThat(received.get("status").asString()).isEqualTo("RECIBIDO");
        assertThat(stock.onHand(tenant, workshop, motor)).isEqualByComparingTo("5");
        assertThat(stock.onHand(tenant, workshop, brake)).isEqualByComparingTo("2");
        assertThat(stock.onHand(tenant, transit, brake)).as("the missing one is written off from transit").isEqualByComparingTo("0");
        assertThat(stock.onHand(tenant, transit, motor)).isEqualByComparingTo("0");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
        assertThat(api.get(tenant.adminKey(), "/api/v1/reports/low-stock").json().get("items").valueStream()
                .map(l -> l.get("locationId").asString())).as("transit is no shelf that runs short")
                .doesNotContain(transit.toString());

        JsonNode brakeLine = line(received, brake);
        assertThat(brakeLine.get("received").decimalValue()).isEqualByComparingTo("2");
        assertThat(brakeLine.get("discrepancyReason").asString()).isEqualTo("Una pastilla no venía en la caja");
        JsonNode adjustment = api.get(tenant.adminKey(), "/api/v1/stock/adjustments/"
                + brakeLine.get("adjustmentId").asString()).json();
        assertThat(adjustment.get("status").asString()).isEqualTo("posted");
        assertThat(adjustment.get("reason").asString()).isEqualTo("lost");
        assertThat(adjustment.get("locationId").asString()).isEqualTo(transit.toString());
        assertThat(adjustment.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("-1");
        assertThat(line(received, motor).hasNonNull("adjustmentId")).isFalse();

        assertThat(received.get("trace").valueStream().map(t -> t.get("toStatus").asString()).toList())
                .containsExactly("PENDIENTE", "ALISTAMIENTO", "DESPACHADO", "RECIBIDO");
        assertThat(received.get("trace").valueStream().map(t -> t.get("userId").asString()).toList())
                .containsExactly(mechanic.toString(), picker.toString(), picker.toString(), mechanic.toString());
        assertThat(received.get("trace").get(3).get("fromStatus").asString()).isEqualTo("DESPACHADO");
        assertThat(received.get("trace").get(3).get("comment").asString()).isEqualTo("Llegó la caja abierta");
        assertThat(notices(mechanic)).contains("Solicitud SOL-1 recibida con diferencias");
    }

    @Test
    void aDispatchAndAReceiptHeldByAnApprovalRuleMoveStockOnlyWhenApproved() {
        assertThat(api.post(tenant.adminKey(), "/api/v1/approval-rules", Map.of("movementType", "transfer_out"))
                .status()).isEqualTo(201);
        String id = request();
        ok(api.post(pickerKey, path(id, "start-picking"), Map.of()));
        ok(api.post(pickerKey, path(id, "picking"), Map.of()));
        var held = api.post(pickerKey, path(id, "dispatch"), Map.of("transportGuide", "GUIA-1"));
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        assertThat(held.json().get("status").asString()).isEqualTo("ALISTAMIENTO");
        assertThat(api.post(pickerKey, path(id, "dispatch"), Map.of()).status()).as("it waits").isEqualTo(409);
        assertThat(api.post(tenant.adminKey(), "/api/v1/approvals/" + pending() + "/reject",
                Map.of("reason", "Todavía no")).status()).isEqualTo(200);
        assertThat(stock.onHand(tenant, central, motor)).isEqualByComparingTo("20");

        assertThat(api.post(pickerKey, path(id, "dispatch"), Map.of()).status()).isEqualTo(202);
        assertThat(api.post(tenant.adminKey(), "/api/v1/approvals/" + pending() + "/approve", Map.of()).status())
                .isEqualTo(200);
        JsonNode dispatched = ok(api.get(mechanicKey, "/api/v1/transfer-requests/" + id));
        assertThat(dispatched.get("status").asString()).isEqualTo("DESPACHADO");
        assertThat(line(dispatched, motor).get("dispatched").decimalValue()).isEqualByComparingTo("5");
        assertThat(stock.onHand(tenant, central, motor)).isEqualByComparingTo("15");
        assertThat(stock.onHand(tenant, transitLocation(), motor)).isEqualByComparingTo("5");

        var receipt = api.post(mechanicKey, path(id, "receive"), Map.of());
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        assertThat(stock.onHand(tenant, workshop, motor)).isEqualByComparingTo("0");
        assertThat(api.post(tenant.adminKey(), "/api/v1/approvals/" + pending() + "/approve", Map.of()).status())
                .isEqualTo(200);
        assertThat(ok(api.get(mechanicKey, "/api/v1/transfer-requests/" + id)).get("status").asString())
                .isEqualTo("RECIBIDO");
        assertThat(stock.onHand(tenant, workshop, motor)).isEqualByComparingTo("5");
        assertThat(stock.onHand(tenant, workshop, brake)).isEqualByComparingTo("4");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    /** The one approval waiting in the company's inbox. */
    private String pending() {
        JsonNode items = api.get(tenant.adminKey(), "/api/v1/approvals?status=pending").json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0).get("id").asString();
    }

    @Test
    void everyIllegalTransitionIsA409AndChangesNothing() {
        String pending = request();
        refusedExcept(pending, "PENDIENTE", "start-picking", "cancel");

        String picking = request();
        ok(api.post(pickerKey, path(picking, "start-picking"), Map.of()));
        var unpicked = api.post(pickerKey, path(picking, "dispatch"), Map.of());
        assertThat(unpicked.status()).as(unpicked.body()).isEqualTo(409);
        assertThat(unpicked.json().get("type").asString()).endsWith("/picking-not-recorded");
        refusedExcept(picking, "ALISTAMIENTO", "picking", "dispatch", "cancel");

        String dispatched = dispatchedRequest();
        refusedExcept(dispatched, "DESPACHADO", "receive");

        String received = dispatchedRequest();
        ok(api.post(mechanicKey, path(received, "receive"), Map.of()));
        refusedExcept(received, "RECIBIDO");

        String cancelled = request();
        ok(api.post(mechanicKey, path(cancelled, "cancel"), Map.of("comment", "Ya no hace falta")));
        refusedExcept(cancelled, "CANCELADO");
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void ofTwoConcurrentDispatchesExactlyOneWins() throws Exception {
        String id = request();
        ok(api.post(pickerKey, path(id, "start-picking"), Map.of()));
        ok(api.post(pickerKey, path(id, "picking"), Map.of()));

        List<Callable<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String guide = "GUIA-" + i;
            calls.add(() -> api.post(pickerKey, path(id, "dispatch"), Map.of("transportGuide", guide)));
        }
        List<Integer> statuses = Together.run(calls).stream().map(Api.Response::status).sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        assertThat(stock.onHand(tenant, central, motor)).isEqualByComparingTo("15");
        assertThat(stock.onHand(tenant, central, brake)).isEqualByComparingTo("6");
        assertThat(stock.onHand(tenant, transitLocation(), motor)).isEqualByComparingTo("5");
        assertThat(stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT count(*) FROM stock_postings WHERE document_type = 'transfer_request' AND document_id = :id""")
                .param("id", UUID.fromString(id)).query(Long.class).single())).isEqualTo(1);
        JsonNode trace = api.get(pickerKey, "/api/v1/transfer-requests/" + id).json().get("trace");
        assertThat(trace.valueStream().filter(t -> t.get("toStatus").asString().equals("DESPACHADO")).count()).isEqualTo(1);
        assertThat(stock.ledgerMismatches(tenant)).isZero();
    }

    @Test
    void aUserSeesARequestOnlyWhenItsOriginOrDestinationIsTheirs() throws SQLException {
        String id = dispatchedRequest();

        assertThat(ids(api.get(mechanicKey, "/api/v1/transfer-requests").json())).containsExactly(id);
        assertThat(ids(api.get(pickerKey, "/api/v1/transfer-requests?originId=" + central).json())).containsExactly(id);
        assertThat(ids(api.get(outsiderKey, "/api/v1/transfer-requests").json())).isEmpty();
        assertThat(api.get(outsiderKey, "/api/v1/transfer-requests/" + id).status()).isEqualTo(404);
        assertThat(api.post(outsiderKey, path(id, "receive"), Map.of()).status()).isEqualTo(404);
        var refused = api.post(pickerKey, path(id, "receive"), Map.of());
        assertThat(refused.status()).as("the origin does not receive").isEqualTo(403);

        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant.id() + "', false), "
                    + "set_config('app.user_id', '" + outsider + "', false)");
            for (String table : List.of("transfer_requests", "transfer_request_lines", "transfer_request_trace")) {
                assertThat(count(statement, table)).as(table + " as the outsider").isZero();
            }
            statement.execute("SELECT set_config('app.user_id', '" + mechanic + "', false)");
            assertThat(count(statement, "transfer_requests")).isEqualTo(1);
            assertThat(count(statement, "transfer_request_lines")).isEqualTo(2);
            assertThat(count(statement, "transfer_request_trace")).isEqualTo(3);
            statement.execute("SELECT set_config('app.user_id', '" + picker + "', false)");
            assertThat(count(statement, "transfer_requests")).isEqualTo(1);
        }
    }

    /** Every action but {@code allowed} is a 409 request-state problem, and the request stays as it was. */
    private void refusedExcept(String id, String status, String... allowed) {
        JsonNode before = api.get(tenant.adminKey(), "/api/v1/transfer-requests/" + id).json();
        List<String> allowedActions = List.of(allowed);
        for (String action : List.of("start-picking", "picking", "dispatch", "receive", "cancel")) {
            if (allowedActions.contains(action)) {
                continue;
            }
            var response = api.post(tenant.adminKey(), path(id, action), Map.of());
            assertThat(response.status()).as(status + " → " + action + ": " + response.body()).isEqualTo(409);
            assertThat(response.json().get("type").asString()).endsWith("/request-state");
        }
        JsonNode after = api.get(tenant.adminKey(), "/api/v1/transfer-requests/" + id).json();
        assertThat(after.get("status").asString()).isEqualTo(status);
        assertThat(after.toString()).isEqualTo(before.toString());
    }

    private String request() {
        var created = api.send(mechanicKey, "POST", "/api/v1/transfer-requests", Map.of("originId", central,
                "destinationId", workshop, "notes", "Para la orden 4471", "lines", List.of(
                        Map.of("itemId", motor, "quantity", 5), Map.of("itemId", brake, "quantity", 4, "note", "Delanteras"))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("PENDIENTE");
        return created.json().get("id").asString();
    }

    private String dispatchedRequest() {
        String id = request();
        ok(api.post(pickerKey, path(id, "start-picking"), Map.of()));
        ok(api.post(pickerKey, path(id, "picking"), Map.of()));
        ok(api.post(pickerKey, path(id, "dispatch"), Map.of()));
        return id;
    }

    private static String path(String id, String action) {
        return "/api/v1/transfer-requests/" + id + "/" + action;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode line(JsonNode request, UUID item) {
        return request.get("lines").valueStream().filter(l -> l.get("itemId").asString().equals(item.toString()))
                .findFirst().orElseThrow();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(r -> r.get("id").asString()).toList();
    }

    private static BigDecimal value(JsonNode valuation, UUID location) {
        return valuation.get("locations").valueStream()
                .filter(l -> l.get("locationId").asString().equals(location.toString()))
                .map(l -> l.get("value").decimalValue()).findFirst().orElseThrow();
    }

    private UUID transitLocation() {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT id FROM locations WHERE kind = 'transit'")
                .query(UUID.class).single());
    }

    private long transitRows(UUID transit, String request) {
        return stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT count(*) FROM stock_ledger WHERE location_id = :transit
                          AND document_type = 'transfer_request' AND document_id = :id""")
                .param("transit", transit).param("id", UUID.fromString(request)).query(Long.class).single());
    }

    private List<String> notices(UUID user) {
        return stock.asAdmin(tenant, () -> jdbc.sql("SELECT title FROM notifications WHERE user_id = :user ORDER BY created_at, id")
                .param("user", user).query(String.class).list());
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void assign(UUID location, UUID user) {
        var assigned = api.put(tenant.adminKey(), "/api/v1/locations/" + location + "/users",
                Map.of("userIds", List.of(user)), Map.of());
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    private void receive(UUID location, UUID item, int quantity, String cost) {
        var response = api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", quantity, "unitCost", cost))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
