package dev.bodega.insights.internal;

import dev.bodega.platform.Ids;
import dev.bodega.support.StockFixtures;
import dev.bodega.support.TestFixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Ledger rows dated in the past, for a history to forecast from: StockPostings dates a posting now, so the test
 * writes the posting and its row itself (the ledger trigger still applies it to the level).
 */
record LedgerHistory(TestFixtures.Tenant tenant, StockFixtures stock, JdbcClient jdbc, ZoneId zone) {

    static LedgerHistory of(TestFixtures.Tenant tenant, StockFixtures stock, JdbcClient jdbc) {
        String zone = stock.asAdmin(tenant, () -> jdbc.sql("SELECT time_zone FROM platform_tenants")
                .query(String.class).single());
        return new LedgerHistory(tenant, stock, jdbc, ZoneId.of(zone));
    }

    void post(UUID location, UUID item, LocalDate day, int hour, String type, double quantity) {
        UUID posting = Ids.next();
        Timestamp at = Timestamp.from(day.atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant());
        stock.asAdmin(tenant, () -> {
            jdbc.sql("INSERT INTO stock_postings (tenant_id, id, kind, created_at) VALUES (:t, :id, :kind, :at)")
                    .param("t", tenant.id()).param("id", posting).param("kind", type).param("at", at).update();
            return jdbc.sql("""
                            INSERT INTO stock_ledger (tenant_id, id, posting_id, location_id, item_id, movement_type,
                                                      quantity, on_hand_before, on_hand_after, unit_cost, created_at)
                            VALUES (:t, :id, :posting, :location, :item, :type, :q, 0, 0, 1, :at)""")
                    .param("t", tenant.id()).param("id", Ids.next()).param("posting", posting)
                    .param("location", location).param("item", item).param("type", type)
                    .param("q", BigDecimal.valueOf(quantity)).param("at", at).update();
        });
    }
}
