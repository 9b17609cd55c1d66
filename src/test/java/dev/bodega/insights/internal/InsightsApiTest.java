package dev.bodega.insights.internal;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forecasts through the API and the pages: a run on demand with its progress, the series and its accuracy, the
 * recommendation accepted (who set it recorded) or kept, a purchase suggestion drafted into a supplier order, the
 * service level; and every new {id} route answers 404 for another company's ids.
 */
@BodegaTest
class InsightsApiTest {

    private static final int[] WEEK = {8, 6, 5, 5, 6, 10, 2};

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired Api api;

    @Test
    void forecastRecommendAndSuggestAPurchase() throws InterruptedException {
        TestFixtures.Tenant tenant = fixtures.tenant();
        String key = tenant.adminKey();
        UUID store = stock.location(tenant, "Centro");
        UUID item = stock.item(tenant, "FA-1", "pcs", BigDecimal.ZERO);
        String supplier = api.post(key, "/api/v1/suppliers", Map.of("name", "Andina")).json().get("id").asString();
        assertThat(api.put(key, "/api/v1/items/" + item + "/suppliers/" + supplier,
                Map.of("leadTimeDays", 5, "preferred", true), Map.of()).status()).isEqualTo(200);
        history(tenant, store, item);

        JsonNode run = api.post(key, "/api/v1/forecast-runs", Map.of()).json();
        String runId = run.get("id").asString();
        JsonNode status = waitFor(key, runId);
        assertThat(status.get("status").asString()).isEqualTo("done");
        assertThat(status.get("seriesTotal").asInt()).isEqualTo(1);

        JsonNode series = api.get(key, "/api/v1/forecasts").json().get("items");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).get("method").asString()).isNotEqualTo("seasonal-naive");
        assertThat(series.get(0).get("mase").asDouble()).isLessThan(1.0);
        JsonNode one = api.get(key, "/api/v1/forecasts/items/" + item).json();
        assertThat(one.get("predictions")).hasSize(28);
        assertThat(one.get("history")).hasSize(ForecastQueries.SHOWN_DAYS);
        assertThat(api.get(key, "/api/v1/forecasts/accuracy").json().get("backtest").get("days").asLong())
                .isPositive();

        JsonNode pending = api.get(key, "/api/v1/reorder-recommendations").json();
        assertThat(pending).hasSize(1);
        BigDecimal recommended = pending.get(0).get("recommended").decimalValue();
        assertThat(recommended).isGreaterThan(new BigDecimal("25"));

        JsonNode groups = api.get(key, "/api/v1/purchase-suggestions").json();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("supplierId").asString()).isEqualTo(supplier);
        BigDecimal quantity = groups.get(0).get("lines").get(0).get("quantity").decimalValue();
        Api.Response drafted = api.post(key, "/api/v1/purchase-suggestions/drafts",
                Map.of("supplierId", supplier, "locationId", store.toString()));
        assertThat(drafted.status()).isEqualTo(201);
        JsonNode order = api.get(key, "/api/v1/purchasing/orders/" + drafted.json().get("orderId").asString()).json();
        assertThat(order.get("status").asString()).isEqualTo("draft");
        assertThat(order.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo(quantity);

        String level = "/api/v1/reorder-recommendations/" + store + "/" + item;
        assertThat(api.post(key, level + "/keep", Map.of()).status()).isEqualTo(204);
        assertThat(api.get(key, "/api/v1/reorder-recommendations").json()).isEmpty();
        assertThat(api.post(key, level + "/accept", Map.of()).json().get("minStock").decimalValue())
                .isEqualByComparingTo(recommended);
        Map<String, Object> decided = stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT min_stock, reorder_threshold_set_by, recommendation_decision FROM inventory_stock_levels
                        WHERE location_id = :l AND item_id = :i""")
                .param("l", store).param("i", item).query().singleRow());
        assertThat((BigDecimal) decided.get("min_stock")).isEqualByComparingTo(recommended);
        assertThat(decided.get("reorder_threshold_set_by")).isEqualTo(tenant.adminId());
        assertThat(decided.get("recommendation_decision")).isEqualTo("accepted");

        assertThat(api.put(key, "/api/v1/insights/settings", Map.of("serviceLevel", 0.99), Map.of()).json()
                .get("serviceLevel").decimalValue()).isEqualByComparingTo("0.99");
        Api.Response refused = api.put(key, "/api/v1/insights/settings", Map.of("serviceLevel", 1.5), Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/service-level-range");

        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/insights/forecasts").body()).contains("id=\"series-table\"", "FA-1");
        assertThat(admin.get("/insights/forecasts/items/" + item).body()).contains("<svg", "class=\"forecast\"",
                "class=\"band\"");
        assertThat(admin.get("/insights/forecasts/items/" + item + "?lang=en").body()).contains("80% interval");
        assertThat(admin.get("/insights/recommendations").body()).contains("id=\"service-level\"");
        assertThat(admin.get("/insights/suggestions").body()).contains("id=\"suggestions-title\"");

        TestFixtures.Tenant other = fixtures.tenant();
        String otherLevel = "/api/v1/reorder-recommendations/" + store + "/" + item;
        assertThat(api.get(other.adminKey(), "/api/v1/forecasts/items/" + item).status()).isEqualTo(404);
        assertThat(api.get(other.adminKey(), "/api/v1/forecast-runs/" + runId).status()).isEqualTo(404);
        assertThat(api.post(other.adminKey(), otherLevel + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(api.post(other.adminKey(), otherLevel + "/keep", Map.of()).status()).isEqualTo(404);
        WebSession stranger = WebSession.signedIn(api.baseUrl(), other.slug(), other.adminEmail(), TestFixtures.PASSWORD);
        assertThat(stranger.get("/insights/forecasts/items/" + item).status()).isEqualTo(404);
        assertThat(stranger.get("/insights/forecast-runs/" + runId).status()).isEqualTo(404);
        assertThat(stranger.post("/insights/recommendations/" + store + "/" + item + "/accept", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void theDemoCompanysHistoryIsForecastAndBeatsTheBaseline() {
        WebSession demo = WebSession.signedIn(api.baseUrl(), "demo", "admin@demo.bodega", "bodega-demo");
        JsonNode accuracy = demo.api("GET", "/api/v1/forecasts/accuracy", null).json().get("backtest");
        System.out.println("Demo forecast accuracy (backtest): " + accuracy);
        assertThat(accuracy.get("days").asLong()).isGreaterThan(1000);
        assertThat(accuracy.get("mase").asDouble()).isLessThan(1.0);
        JsonNode series = demo.api("GET", "/api/v1/forecasts?limit=200", null).json().get("items");
        // The demo sells most items a few times a month: slow movers, forecast as intermittent demand.
        assertThat(series.findValuesAsString("method")).contains("croston-sba");
    }

    /** Thirteen weeks of a weekly pattern with noise up to yesterday, from a receipt that leaves about 14 on hand. */
    private void history(TestFixtures.Tenant tenant, UUID store, UUID item) {
        LedgerHistory ledger = LedgerHistory.of(tenant, stock, jdbc);
        LocalDate yesterday = LocalDate.now(ledger.zone()).minusDays(1);
        LocalDate first = yesterday.minusDays(90);
        ledger.post(store, item, first, 7, "receipt", 540);
        java.util.Random noise = new java.util.Random(7);
        for (LocalDate d = first; !d.isAfter(yesterday); d = d.plusDays(1)) {
            ledger.post(store, item, d, 12, "sale", -(WEEK[d.getDayOfWeek().getValue() - 1] + noise.nextInt(3) - 1));
        }
    }

    private JsonNode waitFor(String key, String runId) throws InterruptedException {
        JsonNode status = null;
        for (int i = 0; i < 300; i++) {
            status = api.get(key, "/api/v1/forecast-runs/" + runId).json();
            if (!status.get("status").asString().equals("running")) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }
}
