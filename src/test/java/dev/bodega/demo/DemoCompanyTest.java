package dev.bodega.demo;

import dev.bodega.platform.Installation;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company the first start of the test database made (slug "demo"), seen as the application role: its
 * users, and a shop that looks real, with a few levels short and a few alerts, not an alarm on every shelf.
 */
@BodegaTest
class DemoCompanyTest {

    @Autowired TestFixtures fixtures;
    @Autowired Installation installation;

    @Test
    void theFirstStartMadeARealisticDemoCompanyOnce() throws Exception {
        try (var connection = fixtures.appConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT set_config('app.tenant_slug', 'demo', false)");
            String tenant = text(statement, "SELECT id FROM tenants WHERE slug = 'demo'");
            statement.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");

            assertThat(texts(statement, """
                    SELECT u.email || ':' || r.name FROM users u
                    JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id ORDER BY u.email"""))
                    .containsExactly("admin@demo.bodega:admin", "cliente2@demo.bodega:partner_admin",
                            "cliente@demo.bodega:partner_admin", "consulta@demo.bodega:viewer",
                            "gerente@demo.bodega:manager", "operario2@demo.bodega:partner_user",
                            "operario@demo.bodega:partner_user", "tecnico@demo.bodega:technician",
                            "vendedor@demo.bodega:seller");

            long levels = number(statement, "SELECT count(*) FROM stock_levels");
            long shortLevels = number(statement, "SELECT count(*) FROM stock_levels WHERE below_min");
            assertThat(levels).isGreaterThan(400);
            assertThat((double) shortLevels / levels).as("%d of %d levels at or below their minimum", shortLevels, levels)
                    .isBetween(0.05, 0.15);

            // Alerts go out after the postings commit; wait until every crossing of a minimum has been handled.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (number(statement, "SELECT count(*) FROM low_stock_alerts")
                    < number(statement, "SELECT count(*) FROM stock_ledger WHERE crossed_below_min")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            long unread = number(statement, """
                    SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                    WHERE u.email = 'admin@demo.bodega' AND n.read_at IS NULL""");
            // A few, not a flood: low stock, approvals waiting, the partners' submitted orders.
            assertThat(unread).as("the admin's unread notifications").isBetween(1L, 15L);
        }
        assertThat(installation.claimDemoCompany()).as("a later start makes no second demo company").isFalse();
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long number(Statement statement, String sql) throws SQLException {
        return Long.parseLong(text(statement, sql));
    }

    private static List<String> texts(Statement statement, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }
}
