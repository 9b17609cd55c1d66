package dev.bodega.bench;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What must hold after a rush, checked in SQL over the given companies as the
 * superuser (past row-level security): each check lists the rows that break it.
 * A run with any violation failed, however fast it was.
 */
final class RushInvariants {

    /** One check's outcome: how many rows break it and the first few of them. */
    record Check(String name, String rule, long violations, List<String> samples) {
        boolean ok() {
            return violations == 0;
        }
    }

    record Report(List<Check> checks) {
        boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }

        List<String> failed() {
            return checks.stream().filter(c -> !c.ok()).map(Check::name).toList();
        }
    }

    private static final int SAMPLES = 3;

    /** Tenant filter, the same {@code ?} everywhere: {@code CAST(? AS uuid[])}. */
    private static final String TENANTS = "CAST(? AS uuid[])";

    private record Rule(String name, String rule, String sql) {
    }

    private static final List<Rule> STOCK_RULES = List.of(
            new Rule("ledger", "on hand = sum of the ledger, every stock level", """
                    SELECT m.tenant_id, m.location_id, m.item_id, m.on_hand, m.ledger_total
                    FROM stock_ledger_mismatches m WHERE m.tenant_id = ANY (%s)"""),
            new Rule("levels-below-zero", "no stock level below zero (companies that do not allow negative stock)", """
                    SELECT l.tenant_id, l.location_id, l.item_id, l.on_hand
                    FROM stock_levels l JOIN tenants t ON t.id = l.tenant_id
                    WHERE l.tenant_id = ANY (%s) AND l.on_hand < 0 AND NOT t.allow_negative_stock"""),
            new Rule("ledger-below-zero", "no ledger row leaves stock below zero (same companies)", """
                    SELECT g.tenant_id, g.id, g.item_id, g.on_hand_after
                    FROM stock_ledger g JOIN tenants t ON t.id = g.tenant_id
                    WHERE g.tenant_id = ANY (%s) AND g.on_hand_after < 0 AND NOT t.allow_negative_stock"""));

    private static final List<Rule> SALES_RULES = List.of(
            new Rule("invoice-numbers", "invoice numbers unique and gapless per series; the series' next number follows the last", """
                    SELECT sr.tenant_id, sr.code, count(s.invoice_number) AS numbers,
                           count(DISTINCT s.invoice_number) AS distinct_numbers, min(s.invoice_number) AS first,
                           max(s.invoice_number) AS last, sr.next_number
                    FROM invoice_series sr
                    LEFT JOIN sales s ON s.tenant_id = sr.tenant_id AND s.series_id = sr.id
                    WHERE sr.tenant_id = ANY (%s)
                    GROUP BY sr.tenant_id, sr.id, sr.code, sr.next_number
                    HAVING count(s.invoice_number) <> count(DISTINCT s.invoice_number)
                        OR max(s.invoice_number) - min(s.invoice_number) + 1 <> count(s.invoice_number)
                        OR sr.next_number <> max(s.invoice_number) + 1"""),
            new Rule("sale-lines", "every sale's subtotal, discounts, tax and total are the sums of its lines", """
                    SELECT s.tenant_id, s.id, s.subtotal, s.discount, s.tax, s.total, x.subtotal AS lines_subtotal,
                           x.discount AS lines_discount, x.tax AS lines_tax, x.total AS lines_total
                    FROM sales s
                    LEFT JOIN (SELECT tenant_id, sale_id, sum(subtotal) AS subtotal, sum(discount + sale_discount) AS discount,
                                      sum(sale_discount) AS sale_discount, sum(tax) AS tax, sum(total) AS total
                               FROM sale_lines WHERE tenant_id = ANY (%1$s) GROUP BY tenant_id, sale_id) x
                           ON x.tenant_id = s.tenant_id AND x.sale_id = s.id
                    WHERE s.tenant_id = ANY (%1$s)
                      AND (x.sale_id IS NULL OR s.subtotal <> x.subtotal OR s.discount <> x.discount
                           OR s.sale_discount <> x.sale_discount OR s.tax <> x.tax OR s.total <> x.total)"""),
            new Rule("payments", "a numbered sale's payments add up to its total, tendered amount and change", """
                    SELECT s.tenant_id, s.id, s.total, s.tendered, s.change_due, p.amount, p.tendered AS paid_tendered
                    FROM sales s
                    LEFT JOIN (SELECT tenant_id, sale_id, sum(amount) AS amount, sum(tendered) AS tendered,
                                      sum(change_due) AS change_due
                               FROM sale_payments WHERE tenant_id = ANY (%1$s) GROUP BY tenant_id, sale_id) p
                           ON p.tenant_id = s.tenant_id AND p.sale_id = s.id
                    WHERE s.tenant_id = ANY (%1$s) AND s.invoice_number IS NOT NULL
                      AND (coalesce(p.amount, 0) <> s.total OR coalesce(p.tendered, 0) <> s.tendered
                           OR coalesce(p.change_due, 0) <> s.change_due)"""),
            new Rule("customer-totals", "customer totals, purchase count and last purchase = recomputation from their completed sales", """
                    SELECT c.tenant_id, c.id, c.total_purchases, c.purchase_count, c.last_purchase_at,
                           x.total, x.purchases, x.last_purchase
                    FROM customers c
                    LEFT JOIN (SELECT tenant_id, customer_id, sum(total - refunded) AS total, count(*) AS purchases,
                                      max(completed_at) AS last_purchase
                               FROM sales WHERE tenant_id = ANY (%1$s) AND status = 'completed' AND customer_id IS NOT NULL
                               GROUP BY tenant_id, customer_id) x
                           ON x.tenant_id = c.tenant_id AND x.customer_id = c.id
                    WHERE c.tenant_id = ANY (%1$s)
                      AND (c.total_purchases <> coalesce(x.total, 0) OR c.purchase_count <> coalesce(x.purchases, 0)
                           OR c.last_purchase_at IS DISTINCT FROM x.last_purchase)"""));

    /** Sales whose stock did not move through the ledger: only where sales post stock (not generated history). */
    private static final Rule SALE_STOCK = new Rule("sale-stock",
            "a completed sale issued exactly its lines from its store through the ledger; pending and cancelled ones net nothing", """
            WITH expected AS (
                SELECT sl.tenant_id, sl.sale_id, s.location_id, sl.item_id,
                       CASE WHEN s.status = 'completed' THEN -sum(sl.quantity) ELSE 0 END AS quantity
                FROM sale_lines sl JOIN sales s ON s.tenant_id = sl.tenant_id AND s.id = sl.sale_id
                WHERE sl.tenant_id = ANY (%1$s)
                GROUP BY sl.tenant_id, sl.sale_id, s.location_id, sl.item_id, s.status),
            posted AS (
                SELECT tenant_id, document_id AS sale_id, location_id, item_id, sum(quantity) AS quantity
                FROM stock_ledger WHERE tenant_id = ANY (%1$s) AND document_type = 'sale'
                GROUP BY tenant_id, document_id, location_id, item_id)
            SELECT coalesce(e.tenant_id, p.tenant_id) AS tenant_id, coalesce(e.sale_id, p.sale_id) AS sale_id,
                   coalesce(e.item_id, p.item_id) AS item_id, e.quantity AS expected, p.quantity AS posted
            FROM expected e
            FULL JOIN posted p ON p.tenant_id = e.tenant_id AND p.sale_id = e.sale_id
                              AND p.location_id = e.location_id AND p.item_id = e.item_id
            WHERE coalesce(e.quantity, 0) <> coalesce(p.quantity, 0)""");

    private RushInvariants() {
    }

    /**
     * Checks the companies; {@code salesPostStock} false for sales written straight into the tables (the
     * dashboard's generated history), which never went through the ledger.
     */
    static Report check(DataSource superuser, Collection<UUID> tenants, boolean salesPostStock) throws SQLException {
        List<Rule> rules = new ArrayList<>(STOCK_RULES);
        rules.addAll(SALES_RULES);
        if (salesPostStock) {
            rules.add(SALE_STOCK);
        }
        List<Check> checks = new ArrayList<>();
        try (Connection c = superuser.getConnection()) {
            Array ids = c.createArrayOf("uuid", tenants.toArray());
            for (Rule rule : rules) {
                checks.add(run(c, rule, ids));
            }
        }
        return new Report(checks);
    }

    private static Check run(Connection c, Rule rule, Array tenants) throws SQLException {
        String sql = rule.sql().formatted(TENANTS);
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                statement.setArray(i, tenants);
            }
            long count = 0;
            List<String> samples = new ArrayList<>();
            try (ResultSet r = statement.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    if (count++ < SAMPLES) {
                        samples.add(row(r, meta));
                    }
                }
            }
            return new Check(rule.name(), rule.rule(), count, samples);
        }
    }

    private static String row(ResultSet r, ResultSetMetaData meta) throws SQLException {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.append(i == 1 ? "" : ", ").append(meta.getColumnLabel(i)).append('=').append(r.getString(i));
        }
        return out.toString();
    }
}
