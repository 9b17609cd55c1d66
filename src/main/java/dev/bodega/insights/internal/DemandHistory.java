package dev.bodega.insights.internal;

import dev.bodega.insights.internal.forecast.Series;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Daily demand per (location, item) from inventory's ledger, in the company's days. Sales, consumption (part usage,
 * issues) and technician issues are demand; returns, cancellations and technicians' returns reduce it (a day never
 * below zero); receipts, transfers and corrections are not demand. A day is a stockout day when the level started it
 * or went down to no stock, or had none all day.
 */
@Repository
class DemandHistory {

    /** Two years: enough for weekly seasons and their drift, and for the backtest's weeks. */
    static final int DAYS = 730;

    static final List<String> DEMAND_TYPES = List.of("sale", "sale_cancellation", "customer_return", "issue",
            "technician", "part_usage");

    record History(UUID locationId, UUID itemId, LocalDate start, Series series) {

        LocalDate end() {
            return start.plusDays(series.length() - 1);
        }
    }

    private record Day(UUID locationId, UUID itemId, LocalDate day, BigDecimal demand, BigDecimal opening,
                       BigDecimal lowest, BigDecimal closing, boolean hasDemand) {
    }

    private final JdbcClient jdbc;

    DemandHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The series of every level with demand in the two years up to {@code through} (inclusive), each from its first
     * movement in that window; {@code itemId} null for all items.
     */
    List<History> load(LocalDate through, ZoneId zone, UUID itemId) {
        LocalDate from = through.minusDays(DAYS - 1);
        List<Day> days = jdbc.sql("""
                        SELECT location_id, item_id, day,
                               greatest(0, coalesce(sum(-quantity) FILTER (WHERE movement_type IN (:types)), 0)) AS demand,
                               (array_agg(on_hand_before ORDER BY created_at))[1] AS opening,
                               min(on_hand_after) AS lowest,
                               (array_agg(on_hand_after ORDER BY created_at DESC))[1] AS closing,
                               bool_or(movement_type IN (:types)) AS has_demand
                        FROM (SELECT l.*, (l.created_at AT TIME ZONE :zone)::date AS day
                              FROM inventory_ledger l
                              WHERE l.tenant_id = :tenant AND l.created_at >= :from AND l.created_at < :to
                                AND (CAST(:item AS uuid) IS NULL OR l.item_id = :item)) d
                        GROUP BY location_id, item_id, day
                        ORDER BY location_id, item_id, day""")
                .param("types", DEMAND_TYPES).param("zone", zone.getId()).param("tenant", TenantContext.tenantId())
                .param("from", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", java.sql.Timestamp.from(through.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("item", itemId)
                .query(Day.class).list();
        List<History> series = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            boolean demand = false;
            while (j < days.size() && days.get(j).locationId().equals(days.get(i).locationId())
                    && days.get(j).itemId().equals(days.get(i).itemId())) {
                demand |= days.get(j).hasDemand();
                j++;
            }
            if (demand) {
                series.add(build(days.subList(i, j), through));
            }
            i = j;
        }
        return series;
    }

    /** Fills the days without movements: no demand, and out of stock when the day before closed without stock. */
    private static History build(List<Day> days, LocalDate through) {
        LocalDate start = days.get(0).day();
        int n = (int) ChronoUnit.DAYS.between(start, through) + 1;
        double[] demand = new double[n];
        boolean[] stockout = new boolean[n];
        BigDecimal closing = BigDecimal.ZERO;
        int next = 0;
        for (int t = 0; t < n; t++) {
            Day d = next < days.size() && days.get(next).day().equals(start.plusDays(t)) ? days.get(next++) : null;
            if (d == null) {
                stockout[t] = closing.signum() <= 0;
            } else {
                demand[t] = d.demand().doubleValue();
                stockout[t] = d.opening().signum() <= 0 || d.lowest().signum() <= 0;
                closing = d.closing();
            }
        }
        return new History(days.get(0).locationId(), days.get(0).itemId(), start, new Series(demand, stockout));
    }
}
