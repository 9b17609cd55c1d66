package dev.bodega.bench;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rush's invariant checker passes on sales made through the API and fails,
 * on exactly the broken rule, when the data is broken behind the application's
 * back the way a faulty build would break it.
 */
@BodegaTest
class RushInvariantsTest {

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired StockPostings postings;
    @Autowired Api api;
    @Autowired EmbeddedDatabase database;

    /** A company with two items in stock at a store, a customer, one series and three completed sales. */
    private record Sold(TestFixtures.Tenant tenant, UUID store, UUID item, UUID customer, UUID walkIn, UUID lastSale) {
    }

    @Test
    void salesMadeThroughTheApiPassEveryCheck() throws Exception {
        Sold sold = sell();

        RushInvariants.Report report = check(sold);

        assertThat(report.checks()).extracting(RushInvariants.Check::name).containsExactly("ledger", "levels-below-zero",
                "ledger-below-zero", "invoice-numbers", "sale-lines", "payments", "customer-totals", "sale-stock");
        assertThat(report.failed()).isEmpty();
        assertThat(report.ok()).isTrue();
    }

    @Test
    void stockChangedOutsideTheLedgerFailsTheLedgerCheck() throws Exception {
        Sold sold = sell();
        superuser("UPDATE stock_levels SET on_hand = on_hand + 5 WHERE tenant_id = '%s' AND item_id = '%s'"
                .formatted(sold.tenant().id(), sold.item()));

        RushInvariants.Report report = check(sold);

        assertThat(report.failed()).containsExactly("ledger");
        assertThat(report.checks().get(0).violations()).isEqualTo(1);
        assertThat(report.checks().get(0).samples().get(0)).contains("on_hand=", "ledger_total=");
    }

    @Test
    void aLedgerRowThatTheLedgerTriggerDidNotApplyFailsTheLedgerCheck() throws Exception {
        Sold sold = sell();
        BigDecimal onHand = stock.onHand(sold.tenant(), sold.store(), sold.item());
        withoutTriggers(sold, onHand, BigDecimal.ONE.negate());

        assertThat(check(sold).failed()).containsExactly("ledger");
    }

    @Test
    void stockBelowZeroFailsEvenWhenTheLedgerAgrees() throws Exception {
        Sold sold = sell();
        BigDecimal onHand = stock.onHand(sold.tenant(), sold.store(), sold.item());
        BigDecimal taken = onHand.add(BigDecimal.ONE).negate();
        withoutTriggers(sold, onHand, taken);
        superuser("UPDATE stock_levels SET on_hand = -1 WHERE tenant_id = '%s' AND item_id = '%s'"
                .formatted(sold.tenant().id(), sold.item()));

        assertThat(check(sold).failed()).containsExactly("levels-below-zero", "ledger-below-zero");
    }

    @Test
    void aGapInTheInvoiceNumbersFails() throws Exception {
        Sold sold = sell();
        superuser("UPDATE sales SET invoice_number = invoice_number + 1 WHERE id = '%s'".formatted(sold.lastSale()),
                "UPDATE invoice_series SET next_number = next_number + 1 WHERE tenant_id = '%s'".formatted(sold.tenant().id()));

        RushInvariants.Report report = check(sold);

        assertThat(report.failed()).containsExactly("invoice-numbers");
        assertThat(report.checks().get(3).samples().get(0)).contains("numbers=3", "first=1", "last=4");
    }

    @Test
    void aSeriesWhoseNextNumberWouldRepeatOneFails() throws Exception {
        Sold sold = sell();
        superuser("UPDATE invoice_series SET next_number = next_number - 1 WHERE tenant_id = '%s'".formatted(sold.tenant().id()));

        assertThat(check(sold).failed()).containsExactly("invoice-numbers");
    }

    @Test
    void aTotalThatIsNotTheSumOfItsLinesFails() throws Exception {
        Sold sold = sell();
        superuser("UPDATE sales SET total = total + 1 WHERE id = '%s'".formatted(sold.walkIn()));

        assertThat(check(sold).failed()).containsExactly("sale-lines", "payments");
    }

    @Test
    void customerTotalsThatDifferFromTheirSalesFail() throws Exception {
        Sold sold = sell();
        superuser("UPDATE customers SET total_purchases = total_purchases + 1 WHERE id = '%s'".formatted(sold.customer()));

        assertThat(check(sold).failed()).containsExactly("customer-totals");
    }

    @Test
    void aSaleWhoseStockDidNotMoveFails() throws Exception {
        Sold sold = sell();
        superuser("UPDATE stock_ledger SET document_id = gen_random_uuid() WHERE document_id = '%s'".formatted(sold.walkIn()));

        RushInvariants.Report report = check(sold);

        assertThat(report.failed()).containsExactly("sale-stock");
        assertThat(report.checks().get(7).violations()).as("the sale's line, and the ledger row now of no sale").isEqualTo(2);
    }

    private RushInvariants.Report check(Sold sold) throws Exception {
        return RushInvariants.check(database.superuserDataSource(), List.of(sold.tenant().id()), true);
    }

    private Sold sell() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Tienda");
        UUID item = stock.item(tenant, "INV-1", "pcs", BigDecimal.ZERO);
        UUID other = stock.item(tenant, "INV-2", "pcs", BigDecimal.ZERO);
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> postings.post(new StockPostings.Posting(
                "receipt", "test", null, null, null, List.of(
                        StockPostings.Line.in(store, item, MovementType.RECEIPT, new BigDecimal("50"), BigDecimal.ONE),
                        StockPostings.Line.in(store, other, MovementType.RECEIPT, new BigDecimal("50"), BigDecimal.ONE)))));
        Api.Response customer = api.post(tenant.adminKey(), "/api/v1/customers",
                Map.of("documentType", "CC", "documentNumber", "4242", "firstName", "Cliente"));
        assertThat(customer.status()).as(customer.body()).isEqualTo(201);
        UUID customerId = UUID.fromString(customer.json().get("id").asString());
        Api.Response series = api.post(tenant.adminKey(), "/api/v1/invoice-series", Map.of("code", "F001", "locationId", store));
        assertThat(series.status()).as(series.body()).isEqualTo(201);

        sale(tenant, store, customerId, Map.of(item, 2, other, 1));
        UUID walkIn = sale(tenant, store, null, Map.of(item, 3));
        UUID last = sale(tenant, store, customerId, Map.of(other, 4));
        return new Sold(tenant, store, item, customerId, walkIn, last);
    }

    private UUID sale(TestFixtures.Tenant tenant, UUID store, UUID customer, Map<UUID, Integer> quantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        quantities.forEach((item, quantity) -> lines.add(Map.of("itemId", item, "quantity", quantity)));
        Map<String, Object> sale = new java.util.HashMap<>(Map.of("locationId", store, "lines", lines, "complete", true,
                "payments", List.of(Map.of("method", "cash", "amount", "100.00"))));
        if (customer != null) {
            sale.put("customerId", customer);
        }
        Api.Response response = api.post(tenant.adminKey(), "/api/v1/sales", sale);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    /** What a build that bypasses the ledger trigger would write: a ledger row whose level never moved. */
    private void withoutTriggers(Sold sold, BigDecimal before, BigDecimal quantity) throws Exception {
        UUID posting = UUID.randomUUID();
        try (Connection c = database.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO stock_postings (tenant_id, id, kind) VALUES ('%s', '%s', 'adjustment')"
                    .formatted(sold.tenant().id(), posting));
            s.execute("""
                    INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type, quantity,
                                              on_hand_before, on_hand_after, unit_cost)
                    VALUES ('%s', '%s', '%s', '%s', '%s', 'adjustment', %s, %s, %s, 1)"""
                    .formatted(sold.tenant().id(), UUID.randomUUID(), posting, sold.store(), sold.item(),
                            quantity.toPlainString(), before.toPlainString(), before.add(quantity).toPlainString()));
        }
    }

    private void superuser(String... statements) throws Exception {
        try (Connection c = database.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
