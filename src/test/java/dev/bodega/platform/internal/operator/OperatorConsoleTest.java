package dev.bodega.platform.internal.operator;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.Problems;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.platform.internal.health.DataHealth;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestClock;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Operators stand outside every company: they set plans, limits and status, and see a company's data only under
 * its admin's grant, read-only, until it ends; every grant and use is in the company's audit log.
 */
@BodegaTest
class OperatorConsoleTest {

    private static final String PASSWORD = "operator-pass-42";

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired Api api;
    @Autowired Operators operators;
    @Autowired EmbeddedDatabase database;
    @Autowired DataHealth dataHealth;
    @Autowired MeterRegistry registry;
    @Autowired TestClock clock;

    @Test
    void anOperatorReadsACompanysSalesOnlyUnderAGrantReadOnlyUntilItEnds() {
        var tenant = fixtures.tenant();
        WebSession operator = operatorSession();

        operator.get("/operator/companies/" + tenant.id());
        Page refused = open(operator, tenant.id());
        assertThat(refused.location()).endsWith("?notGranted");
        assertThat(operator.api("GET", "/api/v1/sales", null).status()).isEqualTo(401);

        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        admin.get("/settings/operator-access");
        assertThat(admin.post("/settings/operator-access", Map.of("hours", "2", "reason", "ticket 7")).status())
                .isEqualTo(302);

        operator.get("/operator/companies/" + tenant.id());
        assertThat(open(operator, tenant.id()).location()).endsWith("/");
        assertThat(operator.api("GET", "/api/v1/sales", null).status()).isEqualTo(200);
        assertThat(operator.get("/sales").status()).isEqualTo(200);
        assertThat(operator.get("/").status()).isEqualTo(200);
        var write = operator.api("POST", "/api/v1/customers", "{\"firstName\":\"X\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("type").asString()).isEqualTo(Problems.TYPE_BASE + "operator-read-only");

        superuser().sql("""
                        UPDATE operator_access_grants SET created_at = now() - interval '3 hours',
                               expires_at = now() - interval '1 minute' WHERE tenant_id = :t""")
                .param("t", tenant.id()).update();
        var ended = operator.api("GET", "/api/v1/sales", null);
        assertThat(ended.status()).isEqualTo(403);
        assertThat(ended.json().get("type").asString()).isEqualTo(Problems.TYPE_BASE + "operator-access-not-granted");
        assertThat(operator.api("GET", "/api/v1/sales", null).status()).isEqualTo(401);

        assertThat(audited(tenant.id(), "operator_access_grants", "INSERT")).isEqualTo(1);
        assertThat(audited(tenant.id(), "operator_access_uses", "INSERT")).isEqualTo(3);
        assertThat(superuser().sql("SELECT path FROM operator_access_uses WHERE tenant_id = :t ORDER BY used_at")
                .param("t", tenant.id()).query(String.class).list()).containsExactly("/api/v1/sales", "/sales", "/");
    }

    @Test
    void everyPageOfTheViewSaysSoAndItsCloseButtonEndsTheViewButNotTheConsole() {
        var tenant = fixtures.tenant();
        WebSession admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        admin.get("/settings/operator-access");
        admin.post("/settings/operator-access", Map.of("hours", "1", "reason", "ticket 9"));
        assertThat(admin.get("/sales").body()).doesNotContain("id=\"operator-banner\"");
        WebSession operator = operatorSession();
        operator.get("/operator/companies/" + tenant.id());
        open(operator, tenant.id());

        for (String page : List.of("/", "/sales", "/catalog/items")) {
            assertThat(operator.get(page).body()).as(page).contains("id=\"operator-banner\"",
                    "Viendo Company " + tenant.slug() + " como operador — solo lectura", "action=\"/operator/close\"");
        }
        assertThat(operator.get("/inventory?lang=en").body()).contains(
                "Viewing Company " + tenant.slug() + " as an operator — read-only", "id=\"operator-close\"");

        var closed = operator.post("/operator/close", Map.of());
        assertThat(closed.locationPath()).isEqualTo("/operator");
        assertThat(operator.get("/sales").locationPath()).isEqualTo("/login");
        assertThat(operator.api("GET", "/api/v1/sales", null).status()).isEqualTo(401);
        assertThat(operator.get("/operator").status()).isEqualTo(200);
        assertThat(operator.get("/operator").body()).doesNotContain("id=\"operator-banner\"");
    }

    @Test
    void aCompanysStorageIsMeasuredAtMostOnceAnHourAndSaysWhen() {
        var tenant = fixtures.tenant();
        WebSession operator = operatorSession();
        clock.reset();
        try {
            Storage first = storage(operator, tenant.id());
            for (int i = 0; i < 40; i++) {
                stock.item(tenant, "STORAGE-" + i, "pcs", BigDecimal.ZERO);
            }
            assertThat(storage(operator, tenant.id())).as("the same measure, not a new scan").isEqualTo(first);
            assertThat(operator.get("/operator?q=" + tenant.slug()).body()).contains(first.measured());

            clock.advance(Duration.ofMinutes(61));
            Storage later = storage(operator, tenant.id());
            assertThat(later.kilobytes()).isGreaterThan(first.kilobytes());
            assertThat(later.measured()).isNotEqualTo(first.measured());
        } finally {
            clock.reset();
        }
    }

    @Test
    void platformSecurityEventsShowAndASuspendedCompanyIsShutOutUntilReactivated() {
        var tenant = fixtures.tenant();
        new WebSession(api.baseUrl()).login(tenant.slug(), tenant.adminEmail(), "not-the-password");
        WebSession operator = operatorSession();
        assertThat(operator.get("/operator/security-events").body()).contains(tenant.slug(), tenant.adminEmail());
        operator.get("/operator/companies/" + tenant.id());

        assertThat(operator.post("/operator/companies/" + tenant.id() + "/status", Map.of("status", "suspended"))
                .status()).isEqualTo(302);
        var refused = api.get(tenant.adminKey(), "/api/v1/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo(Problems.TYPE_BASE + "tenant-suspended");

        operator.get("/operator/companies/" + tenant.id());
        operator.post("/operator/companies/" + tenant.id() + "/status", Map.of("status", "active"));
        assertThat(api.get(tenant.adminKey(), "/api/v1/users").status()).isEqualTo(200);
        assertThat(audited(tenant.id(), "tenants", "UPDATE")).isEqualTo(2);
    }

    @Test
    void aPlansYearlyStockMovementsAndMachinesAreEnforcedAndShownAsUsage() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "QUOTA-1", "pcs", BigDecimal.ZERO);
        WebSession operator = operatorSession();
        operator.get("/operator/companies/" + tenant.id());
        assertThat(operator.post("/operator/companies/" + tenant.id() + "/limits", Map.of("plan", "starter",
                "maxUsers", "25", "maxLocations", "10", "maxItems", "100", "maxCustomerOrganizations", "100",
                "maxStockMovementsPerYear", "2", "maxMachines", "1")).status()).isEqualTo(302);

        receive(tenant, shop, item);
        receive(tenant, shop, item);
        assertThatThrownBy(() -> receive(tenant, shop, item)).isInstanceOfSatisfying(ErrorResponseException.class,
                e -> assertThat(e.getBody().getType().toString()).isEqualTo(Problems.TYPE_BASE + "max-stock-movements"));

        String customer = api.post(tenant.adminKey(), "/api/v1/organizations", Map.of("name", "Granja", "type", "customer"))
                .json().get("id").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/machines", machine("SN-1", customer)).status()).isEqualTo(201);
        var second = api.post(tenant.adminKey(), "/api/v1/machines", machine("SN-2", customer));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo(Problems.TYPE_BASE + "max-machines");

        String list = operator.get("/operator?q=" + tenant.slug()).body();
        assertThat(list).contains(tenant.slug());
        assertThat(list.replaceAll("\\s+", " ")).contains("class=\"usage-movements\">2<");
    }

    @Test
    void aBrokenLedgerLevelShowsInTheMetricAndTheNightlyCheckTellsTheOperators() {
        var tenant = fixtures.tenant();
        UUID shop = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "HEALTH-1", "pcs", BigDecimal.ZERO);
        receive(tenant, shop, item);
        int before = dataHealth.checkAndTell().get("ledger").size();
        assertThat(gauge("ledger")).isEqualTo(before);

        String corrupt = "UPDATE stock_levels SET on_hand = on_hand + :delta WHERE location_id = :l AND item_id = :i";
        superuser().sql(corrupt).param("delta", 5).param("l", shop).param("i", item).update();
        try {
            List<String> ledger = dataHealth.checkAndTell().get("ledger");
            assertThat(ledger).hasSize(before + 1).anyMatch(v -> v.contains("tenant=" + tenant.slug()));
            assertThat(gauge("ledger")).isEqualTo(before + 1);
            String notice = superuser().sql("SELECT body FROM operator_notifications ORDER BY created_at DESC, id DESC LIMIT 1")
                    .query(String.class).single();
            assertThat(notice).contains("tenant=" + tenant.slug(), "item=" + item);
            var readiness = api.get(null, "/actuator/health/readiness").json();
            assertThat(readiness.get("components").get("dataChecks").get("details").get("ledger").asLong())
                    .isEqualTo(before + 1);
        } finally {
            superuser().sql(corrupt).param("delta", -5).param("l", shop).param("i", item).update();
        }
    }

    private record Page(int status, String location) {
    }

    private record Storage(long kilobytes, String measured) {
    }

    /** The storage figure of the company's console page, and its "measured ..." line. */
    private static Storage storage(WebSession operator, UUID tenantId) {
        var page = operator.get("/operator/companies/" + tenantId);
        String size = page.find("id=\"operator-storage\"><span>([^<]+)</span>");
        String measured = page.find("class=\"hint storage-measured\">(medido [^<]+)</small>");
        assertThat(size).as(page.body()).isNotNull();
        assertThat(measured).as(page.body()).isNotNull();
        return new Storage(Long.parseLong(size.replaceAll("\\D", "")), measured);
    }

    private Page open(WebSession operator, UUID tenantId) {
        var answer = operator.post("/operator/companies/" + tenantId + "/open", Map.of());
        assertThat(answer.status()).isEqualTo(302);
        return new Page(answer.status(), answer.location());
    }

    private WebSession operatorSession() {
        String email = "op-" + UUID.randomUUID() + "@bodega.test";
        operators.createOrReset(email, "Operadora", PASSWORD);
        WebSession session = new WebSession(api.baseUrl());
        session.get("/operator/login");
        var login = session.post("/operator/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.locationPath()).isEqualTo("/operator");
        return session;
    }

    private static Map<String, Object> machine(String serial, String owner) {
        return Map.of("serialNumber", serial, "name", "AutoBoss " + serial, "model", "V4.0", "organizationId", owner,
                "purchaseDate", "2025-03-01", "warrantyExpiry", "2027-03-01", "status", "active");
    }

    private void receive(TestFixtures.Tenant tenant, UUID shop, UUID item) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null,
                List.of(StockPostings.Line.in(shop, item, MovementType.RECEIPT, BigDecimal.ONE, BigDecimal.ONE)))));
    }

    private long audited(UUID tenantId, String table, String action) {
        return superuser().sql("SELECT count(*) FROM audit_log WHERE tenant_id = :t AND table_name = :table AND action = :action")
                .param("t", tenantId).param("table", table).param("action", action).query(Long.class).single();
    }

    private double gauge(String check) {
        return registry.get("bodega.data.violations").tag("check", check).gauge().value();
    }

    private JdbcClient superuser() {
        return JdbcClient.create(database.superuserDataSource());
    }
}
