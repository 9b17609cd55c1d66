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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules that keep the schema runnable on Citus (issue 19), checked on plain PostgreSQL: the tenant context by SET
 * LOCAL, which Citus passes on to its workers; policies without subqueries; triggers that run on a shard as they
 * would on the table. See docs/ARCHITECTURE.md, "Runs on Citus too".
 */
@BodegaTest
class DistributedSchemaTriggersAndPoliciesTest {

    /** Node-local memory, not context: a worker keeps its own. */
    private static final Set<String> NODE_LOCAL_SETTINGS = Set.of("app_location_rules_kept_here", "app_forget_location_rule");

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
    void everyPolicyOnATenantTableNamesAColumn() {
        List<String> policies = catalog().sql("""
                        SELECT p.tablename || '.' || p.policyname FROM pg_policies p
                        JOIN pg_namespace n ON n.nspname = p.schemaname
                        JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = p.tablename
                        WHERE p.schemaname = 'public' AND p.qual IS NOT NULL
                          AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
                          AND NOT EXISTS (SELECT FROM pg_attribute a
                                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                            AND p.qual ~ ('\\m' || a.attname || '\\M'))
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(policies).as("a condition without a column is a pseudoconstant: Citus on PostgreSQL 15 and 16 "
                + "refuses a query over several shards with an outer join and one").isEmpty();
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
        assertThat(functions).as("set_config stays on one Citus node: app_set_local('app.x', value)").isEmpty();
    }

    @Test
    void noTriggerAnnouncesAndNoSqlFunctionTakesParametersToReadATable() {
        assertThat(triggerFunctions("prosrc ~* '\\mpg_notify\\M'"))
                .as("on Citus a trigger's NOTIFY happens on a worker, where nobody listens, and fails its commit").isEmpty();
        List<String> functions = catalog().sql("""
                        SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
                        JOIN pg_language l ON l.oid = p.prolang AND l.lanname = 'sql'
                        WHERE p.pronargs > 0 AND p.prosrc ~* '\\mfrom\\M'
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(functions).as("Citus cannot plan a SQL function's query with parameters on a distributed table").isEmpty();
    }

    /**
     * The location rules that the policies and queries ask for are worked out once and kept in settings, which the
     * helpers only read: on Citus the application keeps them as a transaction starts, and a worker reads them.
     */
    @Test
    void locationRulesAreKeptInSettingsThatTheHelpersOnlyRead() throws SQLException {
        var tenant = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "rules@" + tenant.slug() + ".test", "seller");
        UUID elsewhere = UUID.randomUUID();
        try (Connection c = fixtures.appConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(TransactionSettings.sql(Map.of("app.tenant_id", tenant.id().toString(),
                        "app.user_id", seller.toString())));
                String workedOut = text(s, "SELECT app_location_setting('app.location_rule')");
                s.execute("SELECT app_keep_location_rules()");
                assertThat(text(s, "SELECT current_setting('app.location_rule')")).isEqualTo(workedOut).isNotEqualTo("*");
                assertThat(text(s, "SELECT app_sees_location('" + elsewhere + "')::text")).isEqualTo("false");

                s.execute("SET LOCAL app.location_rule = '" + elsewhere + "'");
                s.execute("SET LOCAL app.works_at = '" + elsewhere + "'");
                s.execute("SET LOCAL app.visible_locations = '" + elsewhere + "'");
                assertThat(text(s, "SELECT app_sees_location('" + elsewhere + "')::text")).isEqualTo("true");
                assertThat(text(s, "SELECT app_works_at('" + elsewhere + "')::text")).isEqualTo("true");
                assertThat(text(s, "SELECT string_agg(v::text, ',') FROM app_visible_locations() v"))
                        .isEqualTo(elsewhere.toString());
            } finally {
                c.rollback();
            }
        }
    }

    private static String text(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
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
