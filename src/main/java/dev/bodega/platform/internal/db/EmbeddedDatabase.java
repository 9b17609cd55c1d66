package dev.bodega.platform.internal.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL 17 run by Bodega itself, with its data in {@code dataDir/pg}.
 * Durable settings (zonky turns fsync and synchronous commit off); a file
 * lock so two servers never share a data directory; and recovery from a
 * postmaster orphaned by a killed run.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "bodega";
    static final String OWNER_ROLE = "bodega_owner";
    static final String APP_ROLE = "bodega_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("bodega.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another Bodega is running on " + dataDir.toAbsolutePath());
            }
            Path pgDir = dataDir.resolve("pg");
            stopOrphanedPostmaster(pgDir);
            if (clean) {
                // A run cut short while deleting its directory leaves part of it, which initdb refuses.
                org.springframework.util.FileSystemUtils.deleteRecursively(pgDir);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgDir)
                    .setCleanDataDirectory(clean)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(channel, lock, postgres);
            database.bootstrap();
            // An operator's pg_basebackup or pg_dump (see README, "Backup and restore") connects here.
            log.info("Embedded PostgreSQL on localhost port {}, data in {}", postgres.getPort(), pgDir.toAbsolutePath());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * A killed JVM leaves its postmaster running, holding the data directory.
     * We hold the directory lock, so any postmaster there is an orphan of ours.
     */
    static void stopOrphanedPostmaster(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return; // PostgreSQL itself handles a stale or partial pid file
        }
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(EmbeddedDatabase::terminate);
    }

    private static void terminate(ProcessHandle postmaster) {
        log.warn("Stopping orphaned PostgreSQL (pid {}) left by a previous run", postmaster.pid());
        postmaster.destroy();
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    /** Creates the owner and application roles and the database, once, and what the owner may set. */
    private void bootstrap() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '%1$s';
                      END IF;
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN
                        CREATE ROLE %2$s LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '%2$s';
                      END IF;
                    END $$""".formatted(OWNER_ROLE, APP_ROLE));
            var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE);
            }
            // A company backup's import writes its rows as they were, with triggers off for its transaction.
            s.execute("GRANT SET ON PARAMETER session_replication_role TO " + OWNER_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:%d/%s".formatted(postgres.getPort(), DATABASE);
    }

    /** A superuser connection to the Bodega database, for tests that must look past row-level security. */
    public DataSource superuserDataSource() {
        return postgres.getDatabase("postgres", DATABASE);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
