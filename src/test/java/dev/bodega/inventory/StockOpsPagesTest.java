package dev.bodega.inventory;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The adjustment form, the approvals inbox, the alerts page and the import page, driven like a browser (cookie, CSRF). */
@BodegaTest
class StockOpsPagesTest {

    private static final Pattern JOB_PATH = Pattern.compile("/inventory/opening-balance/([0-9a-f-]{36})");

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdjustmentIsEnteredByCodeAndPostsOrWaits() {
        var tenant = fixtures.tenant();
        UUID location = stock.location(tenant, "Bodega");
        UUID item = stock.item(tenant, "SCAN-1", "pcs", BigDecimal.ZERO);
        stock.asAdmin(tenant, () -> jdbc.sql("UPDATE items SET barcode = '7701234567890' WHERE id = :id")
                .param("id", item).update());
        var browser = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);

        var form = browser.get("/inventory/adjustments/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"adjustment-form\"", "id=\"line-code\"", "Bodega", "Corrección de conteo");

        var line = browser.get("/inventory/adjustments/line?code=7701234567890");
        assertThat(line.body()).contains("value=\"" + item + "\"", "SCAN-1").doesNotContain("<html");
        var unknown = browser.get("/inventory/adjustments/line?code=NOPE-9");
        assertThat(unknown.header("HX-Retarget")).isEqualTo("#line-error");
        assertThat(unknown.body()).contains("NOPE-9");

        var missing = browser.post("/inventory/adjustments", Map.of("reason", "found", "itemId", item.toString(),
                "quantity", "0"));
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("Elija la ubicación.", "Una cantidad de 0 no ajusta nada.");

        var posted = browser.post("/inventory/adjustments", Map.of("locationId", location.toString(),
                "reason", "found", "note", "Caja olvidada", "itemId", item.toString(), "quantity", "7"));
        assertThat(posted.status()).isEqualTo(302);
        var page = browser.get(URI.create(posted.header("location")).getPath() + "?created");
        assertThat(page.body()).contains("id=\"adjustment-posted\"", "SCAN-1", "Caja olvidada");
        assertThat(stock.onHand(tenant, location, item)).isEqualByComparingTo("7");

        var refused = browser.post("/inventory/adjustments", Map.of("locationId", location.toString(),
                "reason", "damaged", "itemId", item.toString(), "quantity", "-9"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"adjustment-problem\"", "No hay existencias suficientes de SCAN-1: hay 7 y se piden 9.");
    }

    @Test
    void theApprovalsInboxApprovesAndRejectsWithAReason() {
        var tenant = fixtures.tenant();
        UUID location = stock.location(tenant, "Bodega");
        UUID item = stock.item(tenant, "APPR-1", "pcs", BigDecimal.ZERO);
        stock.asAdmin(tenant, () -> jdbc.sql("UPDATE tenants SET adjustment_approval_threshold = 0 WHERE id = :id")
                .param("id", tenant.id()).update());
        api.post(tenant.adminKey(), "/api/v1/stock/receipts", Map.of("locationId", location,
                "lines", List.of(Map.of("itemId", item, "quantity", 10, "unitCost", 5))));
        String first = requestAdjustment(tenant, location, item, -2);
        String second = requestAdjustment(tenant, location, item, -3);
        fixtures.user(tenant, "jefe@" + tenant.slug() + ".test", "manager");
        var manager = WebSession.signedIn(api.baseUrl(), tenant.slug(), "jefe@" + tenant.slug() + ".test",
                TestFixtures.PASSWORD);

        var inbox = manager.get("/inventory/approvals");
        assertThat(inbox.body()).contains("id=\"pending-" + first + "\"", "id=\"pending-" + second + "\"", "APPR-1");

        assertThat(manager.post("/inventory/approvals/" + first + "/approve", Map.of()).status()).isEqualTo(302);
        assertThat(manager.get("/inventory/approvals").body()).contains("id=\"approvals-message\"",
                "id=\"decided-" + first + "\"").doesNotContain("id=\"pending-" + first + "\"");
        assertThat(stock.onHand(tenant, location, item)).isEqualByComparingTo("8");

        manager.post("/inventory/approvals/" + second + "/reject", Map.of("reason", " "));
        assertThat(manager.get("/inventory/approvals").body()).contains("id=\"approvals-problem\"",
                "Indique el motivo del rechazo.", "id=\"pending-" + second + "\"");
        manager.post("/inventory/approvals/" + second + "/reject", Map.of("reason", "No cuadra con el conteo"));
        assertThat(manager.get("/inventory/approvals").body()).contains("id=\"decided-" + second + "\"",
                "No cuadra con el conteo");
        assertThat(stock.onHand(tenant, location, item)).isEqualByComparingTo("8");

        // The admin asked for both: the inbox refuses their own decision.
        String third = requestAdjustment(tenant, location, item, -1);
        var admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        admin.get("/inventory/approvals");
        admin.post("/inventory/approvals/" + third + "/approve", Map.of());
        assertThat(admin.get("/inventory/approvals").body()).contains("id=\"approvals-problem\"",
                "Otra persona debe decidir");
    }

    @Test
    void alertsAreSwitchedOnAndOffOnTheirPage() {
        var tenant = fixtures.tenant();
        var browser = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(browser.get("/alerts").body()).contains("id=\"alert-low_stock\"").doesNotContain("checked");

        assertThat(browser.post("/alerts", Map.of("alertType", "low_stock")).status()).isEqualTo(302);
        assertThat(browser.get("/alerts").body()).contains("checked");
        assertThat(api.get(tenant.adminKey(), "/api/v1/me/alert-subscriptions").json().get("subscriptions").get(0)
                .get("active").asBoolean()).isTrue();

        browser.post("/alerts", Map.of());
        assertThat(api.get(tenant.adminKey(), "/api/v1/me/alert-subscriptions").json().get("subscriptions").get(0)
                .get("active").asBoolean()).isFalse();
    }

    @Test
    void anImportIsUploadedAndItsProgressPolled() {
        var tenant = fixtures.tenant();
        UUID location = stock.location(tenant, "Bodega");
        UUID item = stock.item(tenant, "IMP-1", "pcs", BigDecimal.ZERO);
        var browser = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(browser.get("/inventory/opening-balance").body()).contains("id=\"import-form\"",
                "location,sku,quantity,unit_cost,bin,min_stock");

        var uploaded = browser.postMultipart("/inventory/opening-balance", Map.of("mode", "skip_invalid"), "saldo.csv",
                "location,sku,quantity\nBodega,IMP-1,6\nBodega,NADA,1\n");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        Matcher job = JOB_PATH.matcher(uploaded.header("location"));
        assertThat(job.find()).isTrue();

        String progress = awaitDone(browser, job.group(1));
        assertThat(progress).contains("data-status=\"succeeded\"", "SKU desconocido: NADA.").doesNotContain("hx-trigger");
        assertThat(browser.get("/inventory/opening-balance/" + job.group(1)).body()).contains("id=\"import-errors\"");
        assertThat(stock.onHand(tenant, location, item)).isEqualByComparingTo("6");

        var empty = browser.postMultipart("/inventory/opening-balance", Map.of("mode", "skip_invalid"), "vacio.csv", "");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"import-error\"");
    }

    private String requestAdjustment(TestFixtures.Tenant tenant, UUID location, UUID item, int quantity) {
        var response = api.post(tenant.adminKey(), "/api/v1/stock/adjustments", Map.of("locationId", location,
                "reason", "damaged", "lines", List.of(Map.of("itemId", item, "quantity", quantity))));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("id").asString();
    }

    private static String awaitDone(WebSession browser, String job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = browser.get("/inventory/opening-balance/" + job + "/progress").body();
            if (!body.contains("hx-trigger")) {
                return body;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The import did not finish: " + body);
    }
}
