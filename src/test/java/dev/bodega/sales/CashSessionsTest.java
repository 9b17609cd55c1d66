package dev.bodega.sales;

import dev.bodega.inventory.StockPostings;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.bodega.sales.CancelTest.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A till's cash session: its sales, refunds and movements add up to the expected cash, the count by denomination
 * gives the difference, the Z report shows them; one open session per store; the problems in both languages.
 */
@BodegaTest
class CashSessionsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void aSessionCountsItsSalesRefundsAndMovementsAndClosesWithItsDifference() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "19", true);
        String key = shop.tenant.adminKey();
        UUID lamp = shop.item("LAMP", "10.00", "20", "4.00");
        UUID bulb = shop.item("BULB", "7.50", "20", "2.00");
        JsonNode before = shop.sell(null, Shop.lines(lamp, 1));

        Api.Response opened = open(shop, "100.00", "first");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        JsonNode session = opened.json().get("session");
        String id = session.get("id").asString();
        assertThat(session.get("number").asLong()).isEqualTo(1);
        assertThat(session.get("status").asString()).isEqualTo("open");
        assertThat(open(shop, "100.00", "first").body()).as("a retry with its key answers the first response")
                .isEqualTo(opened.body());
        Api.Response second = open(shop, "50.00", null);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).endsWith("/cash-session-already-open");

        JsonNode cashSale = sale(shop, Shop.lines(lamp, 2), List.of(Map.of("method", "cash", "amount", "50.00")));
        sale(shop, Shop.lines(bulb, 1), List.of(Map.of("method", "card", "amount", "7.50")));
        JsonNode mixed = sale(shop, Shop.lines(lamp, 1), List.of(Map.of("method", "card", "amount", "4.00"),
                Map.of("method", "cash", "amount", "6.00")));
        Api.Response cancelled = api.post(key, "/api/v1/sales/" + mixed.get("id").asString() + "/cancel",
                Map.of("reason", "Cliente desistió"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        Api.Response returned = api.post(key, "/api/v1/sales/" + cashSale.get("id").asString() + "/returns",
                Map.of("reason", "Defectuosa", "refundMethod", "cash", "lines", List.of(Map.of(
                        "saleLineId", cashSale.get("lines").get(0).get("id").asString(), "quantity", 1, "damaged", true))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(201);

        assertThat(move(shop, id, "in", "5.00", "Monedas para cambio").status()).isEqualTo(201);
        Api.Response out = move(shop, id, "out", "30.00", "Pago al mensajero");
        assertThat(out.status()).as(out.body()).isEqualTo(201);
        assertThat(out.json().get("kind").asString()).isEqualTo("out");
        // 100 + cash takings (20 + 6) + 5 in − 30 out − refunds (10 return + 6 cancellation) = 85.00
        Api.Response tooMuch = move(shop, id, "out", "85.01", "Retiro");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("type").asString()).endsWith("/cash-out-exceeds-drawer");
        assertThat(move(shop, id, "out", "0", "Nada").json().get("type").asString()).endsWith("/cash-amount");
        assertThat(move(shop, id, "out", "1.001", "Nada").json().get("type").asString()).endsWith("/cash-amount");
        assertThat(move(shop, id, "sideways", "1.00", "Nada").status()).isEqualTo(400);

        Api.Response negative = close(shop, id, List.of(count("20", 2), count("1", -1)), null);
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("type").asString()).endsWith("/cash-count");
        assertThat(close(shop, id, List.of(count("20", 2), count("20.00", 1)), null).json().get("type").asString())
                .as("a denomination listed twice").endsWith("/cash-count");
        assertThat(close(shop, id, List.of(count("0.001", 1)), null).status()).isEqualTo(422);

        // 4 × 20 + 0 × 10 + 2 × 2 + 1 × 0.50 = 84.50: half a dollar short
        Api.Response closed = close(shop, id, List.of(count("20", 4), count("10", 0), count("2", 2), count("0.50", 1)),
                "Faltan 50 centavos");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode z = closed.json();
        assertThat(z.get("session").get("status").asString()).isEqualTo("closed");
        assertThat(z.get("salesCount").asLong()).as("the sale before the session is not its own").isEqualTo(3);
        assertThat(money(z.get("salesTotal"))).isEqualByComparingTo("37.50");
        assertThat(money(z.get("taxes"))).isEqualByComparingTo("5.99");  // 3.19 + 1.20 + 1.60, each line's tax
        assertThat(byMethod(z.get("payments"))).isEqualTo("card 2 11.5, cash 2 26");
        assertThat(z.get("returnsCount").asLong()).isEqualTo(1);
        assertThat(z.get("cancellationsCount").asLong()).isEqualTo(1);
        assertThat(byMethod(z.get("cancellations"))).isEqualTo("card 1 4, cash 1 6");
        assertThat(byMethod(z.get("returns"))).isEqualTo("cash 1 10");
        assertThat(money(z.get("cashSales"))).isEqualByComparingTo("26.00");
        assertThat(money(z.get("cashIn"))).isEqualByComparingTo("5.00");
        assertThat(money(z.get("cashOut"))).isEqualByComparingTo("30.00");
        assertThat(money(z.get("cashRefunds"))).isEqualByComparingTo("16.00");
        assertThat(money(z.get("expectedCash"))).isEqualByComparingTo("85.00");
        assertThat(money(z.get("countedCash"))).isEqualByComparingTo("84.50");
        assertThat(money(z.get("difference"))).isEqualByComparingTo("-0.50");
        assertThat(z.get("counts")).hasSize(3);
        assertThat(api.get(key, "/api/v1/cash-sessions/" + id + "/z-report").body()).as("the Z report reads the same later")
                .isEqualTo(closed.body());

        Api.Response again = close(shop, id, List.of(count("20", 4)), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/cash-session-closed");
        assertThat(move(shop, id, "in", "1.00", "Tarde").status()).isEqualTo(409);

        JsonNode after = shop.sell(null, Shop.lines(bulb, 1));
        assertThat(sessionOf(shop, after)).as("a sale with no open session still sells, in no session").isNull();
        assertThat(sessionOf(shop, before)).isNull();
        assertThat(sessionOf(shop, cashSale)).isEqualTo(UUID.fromString(id));
        Api.Response next = open(shop, "85.00", null);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("session").get("number").asLong()).as("numbered per location").isEqualTo(2);
        JsonNode list = api.get(key, "/api/v1/cash-sessions?limit=1").json();
        assertThat(list.get("items").get(0).get("number").asLong()).isEqualTo(2);
        assertThat(api.get(key, "/api/v1/cash-sessions?limit=1&cursor=" + list.get("nextCursor").asString())
                .json().get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void floatsCountsAndStoresAreCheckedAndAStoreOutsideTheSellersIsRefused() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        Api.Response negative = api.post(shop.tenant.adminKey(), "/api/v1/cash-sessions",
                Map.of("locationId", shop.store, "openingFloat", "-1.00"));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("type").asString()).endsWith("/cash-amount");
        assertThat(api.post(shop.tenant.adminKey(), "/api/v1/cash-sessions",
                Map.of("locationId", UUID.randomUUID(), "openingFloat", "0")).json().get("type").asString())
                .endsWith("/unknown-location");

        UUID seller = fixtures.user(shop.tenant, "cajero-" + UUID.randomUUID() + "@test.example", "seller");
        String sellerKey = fixtures.apiKey(shop.tenant, seller, Set.of("sales.*"), List.of("sales.*"));
        Api.Response refused = api.post(sellerKey, "/api/v1/cash-sessions", Map.of("locationId", shop.store, "openingFloat", "0"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/cash-location-not-allowed");
        String id = open(shop, "10.00", null).json().get("session").get("id").asString();
        assertThat(api.get(sellerKey, "/api/v1/cash-sessions/" + id).status()).as("not one of the seller's stores").isEqualTo(404);
        assertThat(api.get(sellerKey, "/api/v1/cash-sessions").json().get("items")).isEmpty();

        shop.sql("INSERT INTO user_locations (tenant_id, user_id, location_id) VALUES (:t, :u, :l)",
                Map.of("t", shop.tenant.id(), "u", seller, "l", shop.store));
        assertThat(api.get(sellerKey, "/api/v1/cash-sessions/" + id).status()).isEqualTo(200);
        Api.Response moved = api.post(sellerKey, "/api/v1/cash-sessions/" + id + "/movements",
                Map.of("kind", "in", "amount", "2.00", "reason", "Cambio"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        assertThat(api.get(sellerKey, "/api/v1/cash-sessions/denominations").body())
                .isEqualTo("[100,50,20,10,5,2,1,0.25,0.10,0.05,0.01]");
    }

    @Test
    void thePagesOpenMoveAndCloseAndSayWhatIsWrongInTheUsersLanguage() {
        Shop shop = Shop.open(fixtures, stock, postings, jdbc, api, "0", true);
        WebSession browser = new WebSession(api.baseUrl()).followingRedirects();
        browser.login(shop.tenant.slug(), shop.tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(browser.get("/cash-sessions").body()).contains("cash-open-form", "No hay sesiones de caja.");
        WebSession.Page session = browser.post("/cash-sessions", Map.of("locationId", shop.store, "openingFloat", "20,00"));
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.body()).contains("Caja 1 · Tienda centro", "USD 20,00");
        String path = session.uri().getPath();

        WebSession.Page twice = browser.post("/cash-sessions", Map.of("locationId", shop.store, "openingFloat", "5"));
        assertThat(twice.body()).contains("Ya hay una caja abierta en esa tienda");
        assertThat(browser.get("/cash-sessions?lang=en").status()).isEqualTo(200);
        WebSession.Page english = browser.post("/cash-sessions", Map.of("locationId", shop.store, "openingFloat", "5"));
        assertThat(english.body()).contains("A cash session is already open at that store");

        WebSession.Page tooMuch = browser.post(path + "/movements", Map.of("kind", "out", "amount", "25", "reason", "Retiro"));
        assertThat(tooMuch.body()).contains("You cannot take out more cash than the drawer should hold.", "USD 20.00");
        browser.get(path + "?lang=es");
        WebSession.Page moved = browser.post(path + "/movements", Map.of("kind", "out", "amount", "7,50", "reason", "Café"));
        assertThat(moved.body()).contains("Movimiento registrado.", "Café", "−7,50");
        WebSession.Page bad = browser.post(path + "/close", Map.of("count-10", "-1"));
        assertThat(bad.body()).contains("El arqueo no es válido");

        WebSession.Page z = browser.post(path + "/close", Map.of("count-10", "1", "count-2", "1", "count-0.25", "2"));
        assertThat(z.uri().getPath()).isEqualTo(path + "/z-report");
        assertThat(z.body()).contains("Informe Z 1")
                .containsPattern("id=\"z-expected\"[^>]*>12,50<")
                .containsPattern("id=\"z-counted\"[^>]*>12,50<")
                .containsPattern("id=\"z-difference\"[^>]*>0,00<");
        assertThat(browser.get("/pos").body()).contains("id=\"pos-cash\"");
        assertThat(browser.get("/cash-sessions/banner?location=" + shop.store).body())
                .contains("Sin caja abierta en Tienda centro");
    }

    private Api.Response open(Shop shop, String openingFloat, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locationId", shop.store);
        body.put("openingFloat", openingFloat);
        return api.send(shop.tenant.adminKey(), "POST", "/api/v1/cash-sessions", body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", shop.tenant.id() + idempotencyKey));
    }

    private JsonNode sale(Shop shop, Map<UUID, Integer> lines, List<Map<String, String>> payments) {
        Map<String, Object> sale = shop.sale(null, lines, true, "0");
        sale.put("payments", payments);
        Api.Response response = api.post(shop.tenant.adminKey(), "/api/v1/sales", sale);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Api.Response move(Shop shop, String id, String kind, String amount, String reason) {
        return api.post(shop.tenant.adminKey(), "/api/v1/cash-sessions/" + id + "/movements",
                Map.of("kind", kind, "amount", amount, "reason", reason));
    }

    private Api.Response close(Shop shop, String id, List<Map<String, Object>> counts, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("counts", counts);
        body.put("note", note);
        return api.post(shop.tenant.adminKey(), "/api/v1/cash-sessions/" + id + "/close", body);
    }

    private static Map<String, Object> count(String denomination, int quantity) {
        return Map.of("denomination", denomination, "quantity", quantity);
    }

    /** "method count amount" per method, in order (the test's JSON reader keeps no trailing zeros). */
    private static String byMethod(JsonNode totals) {
        List<String> parts = new java.util.ArrayList<>();
        totals.forEach(t -> parts.add(t.get("method").asString() + " " + t.get("count").asLong() + " "
                + money(t.get("amount")).stripTrailingZeros().toPlainString()));
        return String.join(", ", parts);
    }

    private static UUID sessionOf(Shop shop, JsonNode sale) {
        return shop.list("SELECT cash_session_id FROM sales WHERE id = :id",
                Map.of("id", UUID.fromString(sale.get("id").asString())), UUID.class).get(0);
    }
}
