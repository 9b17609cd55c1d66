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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration applies from scratch to an empty database, as its owner
 * (never a superuser), for an application role of any name; a second run has
 * nothing to do; and what they build keeps tenants apart.
 */
@BodegaTest
class MigrationsTest {

    private static final String PASSWORD = "migrations-test";

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
