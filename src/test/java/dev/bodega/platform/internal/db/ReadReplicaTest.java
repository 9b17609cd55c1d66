package dev.bodega.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.bodega.platform.DatabaseKind;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reports on a streaming replica, on a real primary and replica ({@link ReplicaPair}) migrated as Bodega's
 * database: the production routing ({@link ReportingDataSource}, {@link ReplicaLag}, the pools of
 * {@link DatabaseConfiguration}, {@link TenantTransactionManager}) built around them by hand, so the suite's one
 * Spring context stays the only one, and {@link Reporting} methods called through Spring's transaction interceptor.
 * The methods run in order: the replica is paused, then stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    private static final String APP = EmbeddedDatabase.APP_ROLE;
    private static final String OWNER = EmbeddedDatabase.OWNER_ROLE;
    private static final Duration MAX_LAG = Duration.ofSeconds(1);
    private static final Duration CHECK_EVERY = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What the sales report counts: completed sales, as far as row-level security lets the reader see. */
    public record Figures(long sales, BigDecimal total, boolean onReplica) {
    }

    public interface Reports {
        Figures figures();

        void write();
    }

    static class SalesFigures implements Reports {
        private final JdbcClient jdbc;

        SalesFigures(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Reporting
        @Override
        public Figures figures() {
            return jdbc.sql("""
                            SELECT count(*) AS sales, coalesce(sum(total), 0) AS total, pg_is_in_recovery() AS on_replica
                            FROM sales WHERE status = 'completed'""")
                    .query(Figures.class).single();
        }

        @Reporting
        @Override
        public void write() {
            jdbc.sql("UPDATE sales SET notes = 'written by a report'").update();
        }
    }

    private ReplicaPair pair;
    private ReportingDataSource router;
    private TransactionTemplate writes;
    private JdbcClient jdbc;
    private Reports reports;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Company first = new Company(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private final Company second = new Company(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private long invoices;

    private record Company(UUID tenantId, UUID locationId, UUID seriesId) {
    }

    @BeforeAll
    void startPrimaryAndReplica() throws Exception {
        pair = ReplicaPair.fromEnvironmentOrBuilt(Path.of("target/replica-test"));
        Flyway.configure().dataSource(pair.primaryUrl, OWNER, OWNER).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", APP)).load().migrate();
        HikariDataSource primaryPool = DatabaseConfiguration.pool("test-primary", pair.primaryUrl, APP, APP, 4);
        HikariDataSource replicaPool = DatabaseConfiguration.replicaPool(
                new ReplicaProperties(pair.replicaUrl, APP, APP, MAX_LAG, CHECK_EVERY), 4);
        router = new ReportingDataSource(primaryPool, replicaPool,
                new ReplicaLag(primaryPool, replicaPool, MAX_LAG, CHECK_EVERY, Clock.systemUTC()));
        TenantTransactionManager transactions = new TenantTransactionManager(router, new DatabaseKind(false));
        writes = new TransactionTemplate(transactions);
        jdbc = JdbcClient.create(router);
        ProxyFactory proxy = new ProxyFactory(new SalesFigures(jdbc));
        proxy.addAdvice(new TransactionInterceptor((TransactionManager) transactions,
                new AnnotationTransactionAttributeSource()));
        reports = (Reports) proxy.getProxy();
        new ReplicaMetrics(router).bindTo(meters);
        open(first);
        open(second);
    }

    @AfterAll
    void stop() throws Exception {
        if (router != null) {
            router.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    @Order(1)
    void aSaleWrittenOnThePrimaryIsReportedFromTheReplicaOnceReplayed() {
        sell(first, "100.00");

        Figures figures = await().atMost(PATIENCE).until(() -> figuresOf(first), f -> f.onReplica() && f.sales() == 1);

        assertThat(figures.total()).isEqualByComparingTo("100.00");
        assertThat(reads("replica")).isPositive();
    }

    @Test
    @Order(2)
    void tenantWallsHoldOnTheReplica() {
        sell(second, "7.50");
        await().atMost(PATIENCE).until(() -> figuresOf(second), f -> f.onReplica() && f.sales() == 1);

        Figures firsts = figuresOf(first);
        Figures nobodys = reports.figures(); // no tenant in context

        assertThat(firsts.onReplica()).isTrue();
        assertThat(firsts.sales()).isEqualTo(1);
        assertThat(firsts.total()).isEqualByComparingTo("100.00");
        assertThat(nobodys.onReplica()).isTrue();
        assertThat(nobodys.sales()).isZero();
        assertThat(figuresOf(second).total()).isEqualByComparingTo("7.50");
    }

    @Test
    @Order(3)
    void aWriteThroughTheReportingPathFailsOnTheReplica() {
        await().atMost(PATIENCE).until(() -> figuresOf(first), Figures::onReplica);

        assertThatThrownBy(() -> TenantContext.runAs(TenantContext.Scope.system(first.tenantId()), reports::write))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("read-only transaction");
        assertThat(notesWritten()).isZero();
    }

    @Test
    @Order(4)
    void aLaggingReplicaLeavesReportsToThePrimaryAndTheyStayRight() throws SQLException {
        onReplica("SELECT pg_wal_replay_pause()");
        try {
            double primaryReads = reads("primary");
            sell(first, "50.00");

            Figures figures = await().atMost(PATIENCE).until(() -> figuresOf(first), f -> !f.onReplica());

            assertThat(figures.sales()).isEqualTo(2);
            assertThat(figures.total()).isEqualByComparingTo("150.00");
            assertThat(reads("primary")).isGreaterThan(primaryReads);
            assertThat(meters.get("bodega.db.replica.lag").gauge().value()).isGreaterThan(MAX_LAG.toSeconds());
            // On the primary the transaction's read-only flag refuses the write.
            assertThatThrownBy(() -> TenantContext.runAs(TenantContext.Scope.system(first.tenantId()), reports::write))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("read-only transaction");
            assertThat(notesWritten()).isZero();
        } finally {
            onReplica("SELECT pg_wal_replay_resume()");
        }
        await().atMost(PATIENCE).until(() -> figuresOf(first), f -> f.onReplica() && f.sales() == 2);
    }

    @Test
    @Order(5)
    void aStoppedReplicaLeavesReportsToThePrimary() throws Exception {
        stopReplica();

        Figures figures = await().atMost(PATIENCE).until(() -> figuresOf(first), f -> !f.onReplica());

        assertThat(figures.sales()).isEqualTo(2);
        assertThat(figures.total()).isEqualByComparingTo("150.00");
        assertThat(router.lag().lagSeconds()).isInfinite();
    }

    private Figures figuresOf(Company company) {
        return TenantContext.callAs(TenantContext.Scope.system(company.tenantId()), reports::figures);
    }

    private double reads(String servedBy) {
        return meters.get("bodega.db.report.reads").tag("served.by", servedBy).functionCounter().count();
    }

    /** A company with a store and its invoice series, made as the superuser (the test is not about them). */
    private void open(Company company) {
        JdbcClient admin = JdbcClient.create(ReplicaPair.superuser(pair.primaryUrl));
        String slug = "replica-" + company.tenantId().toString().substring(0, 8);
        admin.sql("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)")
                .params(company.tenantId(), slug, slug).update();
        admin.sql("INSERT INTO locations (tenant_id, id, name) VALUES (?, ?, 'Store')")
                .params(company.tenantId(), company.locationId()).update();
        admin.sql("INSERT INTO invoice_series (tenant_id, id, code, location_id) VALUES (?, ?, 'A', ?)")
                .params(company.tenantId(), company.seriesId(), company.locationId()).update();
    }

    /** A completed sale, written as the application role in the company's context: on the primary. */
    private void sell(Company company, String total) {
        long number = ++invoices;
        TenantContext.runAs(TenantContext.Scope.system(company.tenantId()), () -> writes.executeWithoutResult(tx ->
                jdbc.sql("""
                                INSERT INTO sales (tenant_id, id, status, location_id, series_id, invoice_number,
                                                   currency, prices_include_tax, subtotal, total, completed_at)
                                VALUES (?, ?, 'completed', ?, ?, ?, 'USD', true, ?::numeric, ?::numeric, now())""")
                        .params(company.tenantId(), UUID.randomUUID(), company.locationId(), company.seriesId(),
                                number, total, total)
                        .update()));
    }

    private long notesWritten() {
        return JdbcClient.create(ReplicaPair.superuser(pair.primaryUrl))
                .sql("SELECT count(*) FROM sales WHERE notes IS NOT NULL").query(Long.class).single();
    }

    private void onReplica(String sql) throws SQLException {
        try (Connection c = ReplicaPair.superuser(pair.replicaUrl).getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    /**
     * A fast shutdown asked of the replica's postmaster from its own superuser session, so the same works for
     * the pair {@code .ci/run} started and for one built here.
     */
    private void stopReplica() throws SQLException {
        DataSource replica = ReplicaPair.superuser(pair.replicaUrl);
        String dataDirectory = JdbcClient.create(replica).sql("SHOW data_directory").query(String.class).single();
        try {
            onReplica("COPY (SELECT 1) TO PROGRAM 'kill -INT $(head -1 " + dataDirectory + "/postmaster.pid)'");
        } catch (SQLException e) {
            // the server may end this very session as it shuts down
        }
        await().atMost(PATIENCE).until(() -> {
            try (Connection c = replica.getConnection()) {
                return false;
            } catch (SQLException e) {
                return true;
            }
        });
    }
}
