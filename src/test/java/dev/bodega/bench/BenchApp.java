package dev.bodega.bench;

import dev.bodega.BodegaApplication;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Actor;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.platform.internal.identity.ApiKeys;
import dev.bodega.platform.internal.identity.SignupService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Bodega started in-process on a fresh embedded database (or on a database of one's own), for benchmarks (not tests). */
final class BenchApp implements AutoCloseable {

    record Tenant(UUID id, UUID adminId, String slug, String apiKey) {
    }

    private final ConfigurableApplicationContext context;
    private final DataSource superuser;

    private BenchApp(ConfigurableApplicationContext context, DataSource superuser) {
        this.context = context;
        this.superuser = superuser != null ? superuser : context.getBean(EmbeddedDatabase.class).superuserDataSource();
    }

    static BenchApp start(String dataDir) {
        return start(dataDir, true);
    }

    /** {@code clean} false reopens the database a previous start left in {@code dataDir}; extra arguments override. */
    static BenchApp start(String dataDir, boolean clean, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--bodega.db.data-dir=" + dataDir,
                "--bodega.db.clean-on-start=" + clean, "--bodega.demo.enabled=false", "--logging.level.root=WARN",
                "--bodega.api.max-body-bytes=1073741824"));
        args.addAll(List.of(extra));
        return new BenchApp(SpringApplication.run(BodegaApplication.class, args.toArray(String[]::new)), null);
    }

    /**
     * Bodega on the database at {@code url} (a fresh one, or one just migrated: a Citus coordinator), with the
     * roles of {@code BODEGA_DB_*}; {@code superuser} (its password from {@code PGPASSWORD}) for the plain SQL.
     */
    static BenchApp external(String url, String superuser, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--bodega.db.url=" + url,
                "--bodega.demo.enabled=false", "--logging.level.root=WARN", "--bodega.api.max-body-bytes=1073741824"));
        args.addAll(List.of(extra));
        String password = System.getenv().getOrDefault("PGPASSWORD", "");
        return new BenchApp(SpringApplication.run(BodegaApplication.class, args.toArray(String[]::new)),
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, superuser, password));
    }

    /** Removes a data directory a previous run left (a profiled run keeps its database when it stops). */
    static void deleteDataDir(String dataDir) throws IOException {
        Path dir = Path.of(dataDir);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    /** The embedded PostgreSQL's port, for other databases and tools (pgbench) on the same server. */
    int databasePort() {
        return context.getBean(EmbeddedDatabase.class).port();
    }

    String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    Tenant tenant(String slug) {
        var created = context.getBean(SignupService.class).signUp(new SignupService.Signup(slug, "Bench " + slug,
                "Bench admin", "admin@" + slug + ".bench", "bench-password", "es"), "127.0.0.1", "bench");
        raiseLimits(created.tenantId());
        Actor.set(new Actor(created.tenantId(), created.adminId(), "bench", "bench", Set.of("*"), null, null));
        try {
            String key = TenantContext.callAs(new TenantContext.Scope(created.tenantId(), created.adminId(), "127.0.0.1", "bench"),
                    () -> context.getBean(ApiKeys.class).create("bench", List.of("*"), null).key());
            return new Tenant(created.tenantId(), created.adminId(), slug, key);
        } finally {
            Actor.set(null);
        }
    }

    /** A benchmark company is larger than any plan allows. */
    private void raiseLimits(UUID tenant) {
        try (var connection = superuser().getConnection(); var statement = connection.createStatement()) {
            statement.execute("UPDATE tenants SET max_items = 10000000, max_locations = 1000 WHERE id = '" + tenant + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A superuser connection to the same database, for the plain-SQL baselines. */
    DataSource superuser() {
        return superuser;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
