package dev.bodega.purchasing.internal;

import dev.bodega.platform.TenantSettingsService;
import dev.bodega.purchasing.SupplierLeadTimes;
import dev.bodega.purchasing.internal.PurchaseViews.SupplierLeadTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lead time per supplier, actual against expected, over the orders placed in
 * a period (by order date). Both are counted in days from the order date: to
 * the expected date, and to the day (company time zone) the order became
 * fully received. Late: received after its expected date. Overdue: still
 * open (sent or partially received) with its expected date past. Drafts and
 * cancelled orders count for neither.
 */
@Service
class LeadTimes implements SupplierLeadTimes {

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;

    LeadTimes(JdbcClient jdbc, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public List<SupplierLeadTime> bySupplier(LocalDate from, LocalDate to, UUID supplierId) {
        String zone = settings.current().timeZone();
        return jdbc.sql("""
                        WITH orders AS (
                            SELECT o.supplier_id, o.status, o.order_date, o.expected_date,
                                   (o.received_at AT TIME ZONE :zone)::date AS received_date
                            FROM supplier_orders o
                            WHERE o.status IN ('sent', 'partially_received', 'received')
                              AND (CAST(:from AS date) IS NULL OR o.order_date >= :from)
                              AND (CAST(:to AS date) IS NULL OR o.order_date <= :to)
                              AND (CAST(:supplier AS uuid) IS NULL OR o.supplier_id = :supplier)
                        )
                        SELECT s.id AS supplier_id, s.name AS supplier_name,
                               count(*) FILTER (WHERE o.status = 'received') AS received_orders,
                               round(avg(o.expected_date - o.order_date)
                                     FILTER (WHERE o.status = 'received' AND o.expected_date IS NOT NULL), 1)
                                   AS average_expected_days,
                               round(avg(o.received_date - o.order_date) FILTER (WHERE o.status = 'received'), 1)
                                   AS average_actual_days,
                               round(avg(o.received_date - o.expected_date)
                                     FILTER (WHERE o.status = 'received' AND o.expected_date IS NOT NULL), 1)
                                   AS average_delay_days,
                               count(*) FILTER (WHERE o.status = 'received' AND o.received_date > o.expected_date)
                                   AS late_orders,
                               count(*) FILTER (WHERE o.status <> 'received' AND o.expected_date < :today)
                                   AS overdue_open_orders
                        FROM orders o
                        JOIN catalog_suppliers s ON s.tenant_id = app_current_tenant() AND s.id = o.supplier_id
                        GROUP BY s.id, s.name
                        ORDER BY lower(s.name), s.id""")
                .param("zone", zone).param("from", from).param("to", to).param("supplier", supplierId)
                .param("today", LocalDate.now(settings.current().zoneId()))
                .query(SupplierLeadTime.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> averageActualDays(LocalDate from) {
        Map<UUID, BigDecimal> days = new LinkedHashMap<>();
        bySupplier(from, null, null).stream().filter(r -> r.averageActualDays() != null)
                .forEach(r -> days.put(r.supplierId(), r.averageActualDays()));
        return days;
    }
}
