package dev.bodega.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * After the crashes: what the tills were told against what the database holds (every acknowledged document once,
 * none twice, none the tills were refused), the rush's invariants (ledger, invoice numbers, totals, customers),
 * and the outbox (one sale.completed event per completed sale; every low-stock crossing announced once).
 */
final class CrashChecks {

    /** Lost: acknowledged, not in the database. Duplicated: a key's document more than once. */
    record Outcome(long lost, long duplicated, RushInvariants.Report report) {
        boolean ok() {
            return lost == 0 && duplicated == 0 && report.ok();
        }
    }

    private static final int SAMPLES = 3;

    private CrashChecks() {
    }

    static Outcome check(DataSource superuser, UUID tenant, Map<String, CrashTills.Answer> answers) throws SQLException {
        Map<String, List<UUID>> documents = documentsByKey(superuser, tenant);
        long lost = 0;
        long duplicated = 0;
        List<String> lostSamples = new ArrayList<>();
        List<String> duplicatedSamples = new ArrayList<>();
        List<String> wrongSamples = new ArrayList<>();
        long wrong = 0;
        for (Map.Entry<String, List<UUID>> entry : documents.entrySet()) {
            if (entry.getValue().size() > 1 && duplicated++ < SAMPLES) {
                duplicatedSamples.add(entry.getKey() + " → " + entry.getValue());
            }
        }
        for (Map.Entry<String, CrashTills.Answer> entry : answers.entrySet()) {
            List<UUID> saved = documents.getOrDefault(entry.getKey(), List.of());
            CrashTills.Answer answer = entry.getValue();
            if (answer.acknowledged() && saved.isEmpty()) {
                if (lost++ < SAMPLES) {
                    lostSamples.add(answer.kind() + " " + entry.getKey() + " answered " + answer.status() + " " + answer.document());
                }
            } else if (answer.acknowledged() ? !saved.contains(answer.document()) : !saved.isEmpty()) {
                if (wrong++ < SAMPLES) {
                    wrongSamples.add(answer.kind() + " " + entry.getKey() + " answered " + answer.status() + " "
                            + answer.document() + ", saved " + saved);
                }
            }
        }
        long unknown = documents.keySet().stream().filter(k -> !answers.containsKey(k)).count();
        List<RushInvariants.Check> checks = new ArrayList<>();
        checks.add(new RushInvariants.Check("lost", "every acknowledged sale and posting is in the database", lost, lostSamples));
        checks.add(new RushInvariants.Check("duplicated", "no Idempotency-Key's document saved twice", duplicated, duplicatedSamples));
        checks.add(new RushInvariants.Check("answered-as-saved",
                "an acknowledgement names the document saved; a refused request saved nothing", wrong, wrongSamples));
        checks.add(new RushInvariants.Check("unasked", "no document for a key no till sent", unknown, List.of()));
        checks.addAll(RushInvariants.check(superuser, List.of(tenant), true).checks());
        checks.addAll(outbox(superuser, tenant));
        return new Outcome(lost, duplicated, new RushInvariants.Report(checks));
    }

    /** The sales and the tills' postings, by the key their note carries. */
    private static Map<String, List<UUID>> documentsByKey(DataSource superuser, UUID tenant) throws SQLException {
        Map<String, List<UUID>> byKey = new HashMap<>();
        try (Connection c = superuser.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT notes, id FROM sales WHERE tenant_id = ? AND notes IS NOT NULL
                UNION ALL
                SELECT note, id FROM stock_postings WHERE tenant_id = ? AND kind IN ('receipt', 'transfer')""")) {
            s.setObject(1, tenant);
            s.setObject(2, tenant);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    byKey.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getObject(2, UUID.class));
                }
            }
        }
        return byKey;
    }

    private record Rule(String name, String rule, String sql) {
    }

    private static final List<Rule> OUTBOX = List.of(
            new Rule("sale-events", "one sale.completed event per completed sale, none for anything else", """
                    SELECT coalesce(s.id, e.subject_id) AS sale_id, s.status, count(e.id) AS events
                    FROM (SELECT id, status FROM sales WHERE tenant_id = '%1$s' AND status = 'completed') s
                    FULL JOIN (SELECT id, subject_id FROM business_events WHERE tenant_id = '%1$s' AND event_type = 'sale.completed') e
                           ON e.subject_id = s.id
                    GROUP BY coalesce(s.id, e.subject_id), s.status
                    HAVING count(e.id) <> 1 OR s.status IS NULL"""),
            new Rule("low-stock-alerts", "every crossing below the minimum announced exactly once", """
                    SELECT g.id, g.location_id, g.item_id, count(a.ledger_id) AS alerts
                    FROM stock_ledger g
                    LEFT JOIN low_stock_alerts a ON a.tenant_id = g.tenant_id AND a.ledger_id = g.id
                    WHERE g.tenant_id = '%1$s' AND g.crossed_below_min
                    GROUP BY g.id, g.location_id, g.item_id HAVING count(a.ledger_id) <> 1"""),
            new Rule("low-stock-notices", "as many low-stock notices as the alerts' recipients", """
                    SELECT (SELECT coalesce(sum(recipients), 0) FROM low_stock_alerts WHERE tenant_id = t.id) AS recipients,
                           (SELECT count(*) FROM notifications WHERE tenant_id = t.id AND link LIKE '%%/kardex') AS notices
                    FROM tenants t WHERE t.id = '%1$s'
                      AND (SELECT coalesce(sum(recipients), 0) FROM low_stock_alerts WHERE tenant_id = t.id)
                          <> (SELECT count(*) FROM notifications WHERE tenant_id = t.id AND link LIKE '%%/kardex')"""),
            new Rule("publications", "no event publication left undelivered", """
                    SELECT id, listener_id, publication_date FROM event_publication
                    WHERE completion_date IS NULL"""));

    /** Waits (up to a minute) for the listeners still at work, then checks the outbox rules. */
    static List<RushInvariants.Check> outbox(DataSource superuser, UUID tenant) throws SQLException {
        try (Connection c = superuser.getConnection()) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (count(c, OUTBOX.get(3), tenant) > 0 && System.nanoTime() < deadline) {
                sleep();
            }
            List<RushInvariants.Check> checks = new ArrayList<>();
            for (Rule rule : OUTBOX) {
                List<String> samples = new ArrayList<>();
                long violations = rows(c, rule, tenant, samples);
                checks.add(new RushInvariants.Check(rule.name(), rule.rule(), violations, samples));
            }
            return checks;
        }
    }

    private static long count(Connection c, Rule rule, UUID tenant) throws SQLException {
        return rows(c, rule, tenant, new ArrayList<>());
    }

    private static long rows(Connection c, Rule rule, UUID tenant, List<String> samples) throws SQLException {
        // The tenant is a UUID: safe to write into the text.
        try (PreparedStatement s = c.prepareStatement(rule.sql().formatted(tenant))) {
            long count = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (count++ < SAMPLES) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            row.append(i == 1 ? "" : ", ").append(r.getMetaData().getColumnLabel(i)).append('=').append(r.getString(i));
                        }
                        samples.add(row.toString());
                    }
                }
            }
            return count;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
