package dev.bodega;

import dev.bodega.platform.TransactionSettings;
import dev.bodega.platform.internal.db.DatabaseEndpoint;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules that keep the schema runnable on Citus (issue 19), checked on plain PostgreSQL: the tenant context by SET
 * LOCAL, which Citus passes on to its workers; policies without subqueries; triggers that run on a shard as they
 * would on the table. See docs/ARCHITECTURE.md, "Runs on Citus too".
 */
@BodegaTest
class DistributedSchemaTriggersAndPoliciesTest {

    /** Not moved yet (see the issue 19 report): sales' invoice gap check, which needs a sales migration. */
    private static final Set<String> SET_CONFIG_PENDING = Set.of("invoice_gaps_all");
    /** Node-local memory, not context: a worker keeps its own. */
    private static final Set<String> NODE_LOCAL_SETTINGS = Set.of("app_location_rule_allows", "app_forget_location_rule");

    @Autowired DataSource dataSource;
    @Autowired EmbeddedDatabase database;
    @Autowired DatabaseEndpoint endpoint;
    @Autowired TestFixtures fixtures;

    private JdbcClient catalog() {
        return JdbcClient.create(dataSource);
    }

    @Test
    void noPolicyHoldsASubquery() {
        List<String> policies = catalog().sql("""
                        SELECT tablename || '.' || policyname FROM pg_policies
                        WHERE qual ~* '\\mselect\\M' OR with_check ~* '\\mselect\\M' ORDER BY 1""")
                .query(String.class).list();
        assertThat(policies).as("Citus refuses a subquery in a policy on a distributed table: call a STABLE function")
                .isEmpty();
        assertThat(catalog().sql("SELECT count(*) FROM pg_policies WHERE qual LIKE '%app_sees_location(location_id)%'")
                .query(Integer.class).single()).as("the stock tables' location rule").isEqualTo(3);
    }

    @Test
    void auditTriggersNameTheirTableAndNoTriggerReadsTheShardsName() {
        List<String> unnamed = catalog().sql("""
                        SELECT c.relname || '.' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                        WHERE t.tgfoid = 'audit_row_change'::regproc
                          AND (t.tgnargs <> 2 OR split_part(encode(t.tgargs, 'escape'), '\\000', 2) <> c.relname)
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(unnamed).as("audit triggers without their table's name as second argument").isEmpty();
        assertThat(catalog().sql("SELECT count(*) FROM pg_trigger WHERE tgfoid = 'audit_row_change'::regproc")
                .query(Integer.class).single()).isGreaterThan(30);

        assertThat(triggerFunctions("prosrc ~* '\\mtg_(table_name|relname)\\M'"))
                .as("on a shard TG_TABLE_NAME is the shard's name (users_102249)").isEmpty();
        assertThat(triggerFunctions("prosrc ~* '\\mcycle\\s+\\w+(\\s*,\\s*\\w+)*\\s+set\\M'"))
                .as("CYCLE ... SET fails on a shard: a recursive query with a visited array").isEmpty();
    }

    @Test
    void noTriggerOnATableWithoutTenant() {
        List<String> triggers = catalog().sql("""
                        SELECT c.relname || '.' || t.tgname FROM pg_trigger t
                        JOIN pg_class c ON c.oid = t.tgrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                        WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p')
                          AND NOT EXISTS (SELECT FROM pg_attribute a
                                          WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(triggers).as("a global table is a Citus reference table, whose triggers fail at runtime").isEmpty();
    }

    @Test
    void functionsSetTheContextWithSetLocal() {
        List<String> functions = catalog().sql("""
                        SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
                        WHERE p.prosrc ~ 'set_config\\(\\s*''app\\.' ORDER BY 1""")
                .query(String.class).list();
        functions.removeAll(NODE_LOCAL_SETTINGS);
        assertThat(functions).as("set_config stays on one Citus node: app_set_local('app.x', value)")
                .containsExactlyInAnyOrderElementsOf(SET_CONFIG_PENDING);
    }

    @Test
    void settingsAreWrittenAsLiteralsThatReadBackUnchanged() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("app.user_agent", "O'Brien \\' ; RESET ALL; -- \\\\ ñ");
        settings.put("app.client_ip", "::1");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(TransactionSettings.sql(settings));
                try (ResultSet rs = s.executeQuery(
                        "SELECT current_setting('app.user_agent'), current_setting('app.client_ip')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(settings.get("app.user_agent"));
                    assertThat(rs.getString(2)).isEqualTo("::1");
                }
            } finally {
                c.rollback();
            }
        }
        assertThatThrownBy(() -> TransactionSettings.sql(Map.of("app.user_agent", "a\u0000b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionSettings.sql(Map.of("app.x = 'y'; RESET ALL; SET app.z", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The ledger check never answers "consistent" about a company it could not see. Citus's failure is emulated in a
     * transaction rolled back: the company's setting that never arrives, or rows that stay hidden all the same.
     */
    @Test
    void theLedgerCheckRefusesACompanyItCannotSee() throws SQLException {
        fixtures.tenant();
        assertThat(ledgerCheckAsApplication(null)).isNull();
        assertThat(ledgerCheckAsApplication(
                "CREATE OR REPLACE FUNCTION app_set_local(setting text, value text) RETURNS void LANGUAGE sql AS 'SELECT'"))
                .contains("is not visible");
        assertThat(ledgerCheckAsApplication("CREATE POLICY users_unseen ON users AS RESTRICTIVE USING (false)"))
                .contains("is not visible");
    }

    /** Runs ledger_mismatches_all() as the application after {@code tampering}; the error, or null. */
    private String ledgerCheckAsApplication(String tampering) throws SQLException {
        try (Connection c = database.superuserDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (tampering != null) {
                    s.execute(tampering);
                }
                s.execute("SET LOCAL ROLE " + endpoint.appUser());
                s.executeQuery("SELECT count(*) FROM ledger_mismatches_all()").close();
                return null;
            } catch (SQLException e) {
                return e.getMessage();
            } finally {
                c.rollback();
            }
        }
    }

    private List<String> triggerFunctions(String condition) {
        return new ArrayList<>(catalog().sql("""
                        SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
                        WHERE (p.prorettype = 'trigger'::regtype OR p.prosrc ~* 'with\\s+recursive')""" + " AND " + condition)
                .query(String.class).list());
    }
}
