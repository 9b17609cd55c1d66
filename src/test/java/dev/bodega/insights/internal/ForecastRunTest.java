package dev.bodega.insights.internal;

import dev.bodega.platform.TenantContext;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forecast run on a ledger history: one series per level with demand, 28 predictions from the day after the run's
 * day, actuals filled once a day closed, a recommended minimum on the level; and the same run twice changes no row.
 */
@BodegaTest
class ForecastRunTest {

    private static final int[] WEEK = {8, 6, 5, 5, 6, 10, 2};

    @Autowired TestFixtures fixtures;
    @Autowired StockFixtures stock;
    @Autowired JdbcClient jdbc;
    @Autowired Forecasting forecasting;

    @Test
    void theNightlyRunTwiceGivesTheSameRows() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Centro");
        UUID item = stock.item(tenant, "FC-1", "pcs", BigDecimal.ZERO);
        UUID receiptsOnly = stock.item(tenant, "FC-2", "pcs", BigDecimal.ZERO);
        LedgerHistory ledger = LedgerHistory.of(tenant, stock, jdbc);
        LocalDate day = LocalDate.of(2026, 3, 31);
        LocalDate first = day.minusDays(119);
        ledger.post(store, item, first, 8, "receipt", 5000);
        ledger.post(store, receiptsOnly, first, 8, "receipt", 10);
        for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
            ledger.post(store, item, d, 12, "sale", -WEEK[d.getDayOfWeek().getValue() - 1]);
        }

        assertThat(nightly(tenant, day)).isTrue();
        Map<String, Object> once = snapshot(tenant);
        assertThat(nightly(tenant, day)).isFalse();
        rerun(tenant, day);
        assertThat(snapshot(tenant)).isEqualTo(once);

        List<Map<String, Object>> series = rows(tenant, "SELECT item_id, method, history_days FROM forecast_series");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).get("item_id")).isEqualTo(item);
        assertThat(series.get(0).get("history_days")).isEqualTo(120);
        List<Map<String, Object>> predictions = rows(tenant, """
                SELECT prediction_date, predicted_quantity, made_on FROM predictions ORDER BY prediction_date""");
        assertThat(predictions).hasSize(28);
        assertThat(predictions.get(0).get("prediction_date")).isEqualTo(java.sql.Date.valueOf(day.plusDays(1)));
        // A strict weekly pattern: the forecast for Wednesday 1 April is the Wednesday demand.
        assertThat((BigDecimal) predictions.get(0).get("predicted_quantity")).isBetween(new BigDecimal("4.5"),
                new BigDecimal("5.5"));
        BigDecimal recommended = stock.asAdmin(tenant, () -> jdbc.sql("""
                        SELECT minimum_stock_recommendation FROM inventory_stock_levels WHERE item_id = :item""")
                .param("item", item).query(BigDecimal.class).single());
        // A week's lead time (no supplier, no delivery days) at about 6 a day, and next to no error.
        assertThat(recommended).isBetween(new BigDecimal("40"), new BigDecimal("46"));
    }

    @Test
    void aClosedDayGetsItsActualAndError() {
        TestFixtures.Tenant tenant = fixtures.tenant();
        UUID store = stock.location(tenant, "Centro");
        UUID item = stock.item(tenant, "FC-3", "pcs", BigDecimal.ZERO);
        LedgerHistory ledger = LedgerHistory.of(tenant, stock, jdbc);
        LocalDate day = LocalDate.of(2026, 2, 28);
        ledger.post(store, item, day.minusDays(59), 8, "receipt", 5000);
        for (LocalDate d = day.minusDays(59); !d.isAfter(day); d = d.plusDays(1)) {
            ledger.post(store, item, d, 12, "sale", -4);
        }
        assertThat(nightly(tenant, day)).isTrue();
        ledger.post(store, item, day.plusDays(1), 10, "sale", -7);
        ledger.post(store, item, day.plusDays(1), 11, "customer_return", 1);
        ledger.post(store, item, day.plusDays(1), 12, "transfer_out", -50);
        assertThat(nightly(tenant, day.plusDays(1))).isTrue();

        Map<String, Object> closed = rows(tenant, """
                SELECT actual_quantity, prediction_error, predicted_quantity FROM predictions
                WHERE prediction_date = '2026-03-01'""").get(0);
        assertThat((BigDecimal) closed.get("actual_quantity")).isEqualByComparingTo("6");
        assertThat((BigDecimal) closed.get("prediction_error")).isEqualByComparingTo(
                new BigDecimal("6").subtract((BigDecimal) closed.get("predicted_quantity")));
        assertThat(rows(tenant, "SELECT 1 FROM predictions WHERE actual_quantity IS NOT NULL")).hasSize(1);
    }

    private boolean nightly(TestFixtures.Tenant tenant, LocalDate day) {
        return TenantContext.callAs(TenantContext.Scope.system(tenant.id()), () -> forecasting.nightly(day));
    }

    private void rerun(TestFixtures.Tenant tenant, LocalDate day) {
        TenantContext.runAs(TenantContext.Scope.system(tenant.id()), () -> {
            UUID run = forecasting.openManual(day);
            forecasting.execute(run, day);
        });
    }

    private Map<String, Object> snapshot(TestFixtures.Tenant tenant) {
        return Map.of(
                "predictions", rows(tenant, "SELECT * FROM predictions ORDER BY location_id, item_id, prediction_date"),
                "series", rows(tenant, "SELECT * FROM forecast_series ORDER BY location_id, item_id"),
                "levels", rows(tenant, "SELECT * FROM inventory_stock_levels ORDER BY location_id, item_id"));
    }

    private List<Map<String, Object>> rows(TestFixtures.Tenant tenant, String sql) {
        return stock.asAdmin(tenant, () -> jdbc.sql(sql).query().listOfRows());
    }
}
