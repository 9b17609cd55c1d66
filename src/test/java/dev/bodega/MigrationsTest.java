package dev.bodega;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.BodegaTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration applies from scratch to an empty database, as its owner
 * (never a superuser), for an application role of any name; a second run has
 * nothing to do; what they build keeps tenants apart, every tenant policy in
 * one form; and a migration, once landed, never changes.
 */
@BodegaTest
class MigrationsTest {

    private static final String PASSWORD = "migrations-test";

    /** The tenant policy app_protect_tenant_table() creates (V83), as pg_policies prints it. */
    private static final String TENANT_FORM = "(tenant_id = app_current_tenant())";
    /** The tenants table is its own tenant column. */
    private static final String TENANTS_FORM = "(id = app_current_tenant())";
    /** Policies on tenant tables that are not the tenant's: each lets one row be found before the tenant is known. */
    private static final Set<String> OTHER_POLICIES = Set.of(
            "tenants.tenants_by_slug",          // login: the company whose slug was typed
            "tenants.tenants_owner_lists_all",  // the owner's ledger check visits every company (V51)
            "tenants.tenants_by_join_token",    // the join page: the company whose join link was opened
            "audit_log.audit_log_write",        // the audit trigger's inserts (reads go through audit_log_read)
            "mail_outbox.mail_outbox_owner_lists_due",   // the owner's mail sender finds companies with mail waiting
            "whatsapp_media.whatsapp_media_owner_lists_due",   // the owner's media fetcher finds companies with media waiting
            "message_outbox.message_outbox_owner_lists_due");  // the owner's outbox worker finds companies with messages due
    private static final String LANDED = "db/landed-migrations.txt";

    @Autowired EmbeddedDatabase embedded;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String database = "migrations_" + suffix;
    private final String owner = "migrations_owner_" + suffix;
    private final String app = "migrations_app_" + suffix;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        asSuperuser("CREATE ROLE " + owner + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + PASSWORD + "'",
                "CREATE ROLE " + app + " LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE " + database + " OWNER " + owner);
    }

    @AfterEach
    void dropIt() throws SQLException {
        asSuperuser("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)",
                "DROP ROLE IF EXISTS " + app, "DROP ROLE IF EXISTS " + owner);
    }

    @Test
    void allMigrationsApplyToAnEmptyDatabaseAndASecondRunAppliesNothing() {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource(owner))
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", app))
                .load();

        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(first.migrationsExecuted).isEqualTo(applied.length);
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();

        MigrateResult second = flyway.migrate();
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
    }

    @Test
    void everyTenantTableForcesRowLevelSecurityAndTheAppRoleOwnsNothing() {
        Flyway.configure().dataSource(dataSource(owner)).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", app)).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource(owner));

        List<String> unprotected = jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                          AND EXISTS (SELECT FROM pg_attribute a
                                      WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                          AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                        ORDER BY 1""")
                .query(String.class).list();
        assertThat(unprotected).as("tenant tables without ENABLE + FORCE ROW LEVEL SECURITY").isEmpty();

        List<String> ownedByApp = jdbc.sql("SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = :app)")
                .param("app", app).query(String.class).list();
        assertThat(ownedByApp).isEmpty();
    }

    /** Restrictive policies (the partner walls, V119) only narrow what a tenant policy lets in: they are not read. */
    @Test
    void everyTenantPolicyComparesTheTenantInTheOneForm() {
        flyway().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource(owner));
        List<Policy> policies = jdbc.sql("""
                        SELECT p.tablename, p.policyname, p.qual, p.with_check FROM pg_policies p
                        WHERE p.schemaname = 'public' AND p.permissive = 'PERMISSIVE'
                          AND (p.tablename = 'tenants' OR EXISTS (
                               SELECT FROM pg_attribute a WHERE a.attrelid = format('public.%I', p.tablename)::regclass
                                 AND a.attname = 'tenant_id' AND NOT a.attisdropped))
                        ORDER BY 1, 2""")
                .query(Policy.class).list();
        assertThat(policies).isNotEmpty();

        List<String> offForm = policies.stream()
                .filter(p -> !OTHER_POLICIES.contains(p.name()) && !(inForm(p.tablename(), p.qual()) && p.withCheck() == null))
                .map(p -> p.name() + " USING " + p.qual() + (p.withCheck() == null ? "" : " WITH CHECK " + p.withCheck()))
                .toList();
        assertThat(offForm)
                .as("tenant policies not in the one form %s (before a table's own walls: (%s AND ...)); "
                        + "protect a tenant table with SELECT app_protect_tenant_table('table')", TENANT_FORM, TENANT_FORM)
                .isEmpty();

        List<String> tenantTables = jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                          AND EXISTS (SELECT FROM pg_attribute a
                                      WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                        ORDER BY 1""")
                .query(String.class).list();
        List<String> guarded = policies.stream().filter(p -> inForm(p.tablename(), p.qual())).map(Policy::tablename).toList();
        assertThat(tenantTables).as("tenant tables without a tenant policy").isNotEmpty().allMatch(guarded::contains);
    }

    record Policy(String tablename, String policyname, String qual, String withCheck) {
        String name() {
            return tablename + "." + policyname;
        }
    }

    /** The tenant compared in the one form, alone or before the table's own walls, and nowhere another way. */
    private static boolean inForm(String table, String qual) {
        String form = table.equals("tenants") ? TENANTS_FORM : TENANT_FORM;
        return qual != null && (qual.equals(form) || qual.startsWith("(" + form + " AND "))
                && !qual.contains("SELECT app_current_tenant()") && !qual.contains("app.tenant_id");
    }

    /**
     * Each migration in {@value LANDED} is still there under its name with its Flyway checksum, so a database
     * migrated by an earlier build keeps validating; and every migration file is in the list.
     */
    @Test
    void landedMigrationsAreNeverEditedRenamedOrRemoved() throws IOException {
        Map<String, String> present = new TreeMap<>();
        for (MigrationInfo m : flyway().info().all()) {
            present.put(m.getVersion().getVersion(), m.getScript() + " " + m.getChecksum());
        }
        Map<String, String> landed = landedMigrations();
        List<String> problems = new ArrayList<>();
        landed.forEach((version, fileAndChecksum) -> {
            String now = present.get(version);
            if (now == null) {
                problems.add("V" + version + " (" + fileAndChecksum + ") was removed or renumbered");
            } else if (!now.equals(fileAndChecksum)) {
                problems.add("V" + version + " was edited or renamed: landed as '" + fileAndChecksum + "', now '" + now + "'");
            }
        });
        present.forEach((version, fileAndChecksum) -> {
            if (!landed.containsKey(version)) {
                problems.add("V" + version + " is not in src/test/resources/" + LANDED + "; when it lands, add the line: "
                        + version + " " + fileAndChecksum);
            }
        });
        assertThat(problems)
                .as("a landed migration is never edited, renamed or removed: write a new one instead")
                .isEmpty();
    }

    /** Version → "file checksum", from the lines "version file checksum" ('#' starts a comment). */
    private static Map<String, String> landedMigrations() throws IOException {
        try (InputStream in = Objects.requireNonNull(MigrationsTest.class.getClassLoader().getResourceAsStream(LANDED), LANDED)) {
            Map<String, String> landed = new TreeMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String[] fields = line.replaceFirst("#.*", "").trim().split("\\s+");
                if (fields.length == 3) {
                    landed.put(fields[0], fields[1] + " " + fields[2]);
                } else if (!fields[0].isEmpty()) {
                    throw new IllegalStateException(LANDED + ": not 'version file checksum': " + line);
                }
            }
            return landed;
        }
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource(owner)).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", app)).load();
    }

    private DataSource dataSource(String user) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(),
                "jdbc:postgresql://localhost:%d/%s".formatted(embedded.port(), database), user, PASSWORD);
    }

    private void asSuperuser(String... statements) throws SQLException {
        try (Connection c = embedded.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
