package dev.bodega.bench;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server that outlives Bodega (the crash suite): the embedded database's own binaries, its data
 * directory prepared once by {@link EmbeddedDatabase} (initdb, roles, database), then its postmaster run as a
 * child of this process, so it can be killed with SIGKILL and started again on the same data and port.
 * Synchronous commit always; fsync from {@link #makeDurable()} on (after Bodega's first start has migrated).
 */
final class StandalonePostgres implements AutoCloseable {

    private final Path dataDir;
    private final List<String> command;
    private final int port;
    private Process postmaster;

    private StandalonePostgres(Path dataDir, List<String> command, int port) {
        this.dataDir = dataDir;
        this.command = command;
        this.port = port;
    }

    /** A fresh data directory in {@code dir}, its server started. */
    static StandalonePostgres create(Path dir) throws Exception {
        BenchApp.deleteDataDir(dir.toString());
        String binary;
        try (EmbeddedDatabase prepared = EmbeddedDatabase.start(dir, false);
             Connection c = prepared.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            // Bodega's first start migrates an empty database: hundreds of files, each synced; not what is tested.
            s.execute("ALTER SYSTEM SET fsync = off");
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).trim());
            binary = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                    .orElseThrow(() -> new IllegalStateException("Cannot tell where the embedded postgres binary is"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as the embedded mode: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(binary, "-D", dir.resolve("pg").toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost", "-c", "unix_socket_directories=",
                "-c", "synchronous_commit=on", "-c", "full_page_writes=on", "-c", "max_connections=200"));
        StandalonePostgres server = new StandalonePostgres(dir, command, port);
        server.start();
        return server;
    }

    /** Starts the postmaster and waits until it accepts connections (after crash recovery, if any). */
    void start() throws Exception {
        postmaster = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try (Connection c = superuser().getConnection()) {
                return;
            } catch (SQLException e) {
                if (!postmaster.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not start; see " + dataDir.resolve("postgres.log"), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** From here on durable, as Bodega's embedded mode: fsync on, and everything written so far on disk. */
    void makeDurable() throws Exception {
        try (Connection c = superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET fsync = on");
            s.execute("SELECT pg_reload_conf()");
            s.execute("CHECKPOINT");
        }
        // Files written while fsync was off may still sit in the kernel's cache (PostgreSQL's advice: sync).
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }

    /**
     * SIGKILL to the postmaster, as a crash would. Its backends notice and exit; a new postmaster refuses to
     * start while any of them still holds the shared memory, so this waits for them.
     */
    void kill() throws Exception {
        List<ProcessHandle> children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        postmaster.waitFor();
        for (ProcessHandle child : children) {
            child.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    /** The server's own superuser (trust authentication on localhost), past row-level security. */
    DataSource superuser() {
        return dataSource("postgres");
    }

    DataSource dataSource(String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("bodega");
        ds.setUser(user);
        ds.setConnectTimeout(5);
        return ds;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/bodega";
    }

    /** A fast shutdown would need SIGINT; SIGTERM (smart) is enough once Bodega has stopped. */
    @Override
    public void close() throws IOException {
        if (postmaster != null && postmaster.isAlive()) {
            postmaster.destroy();
            try {
                if (!postmaster.waitFor(60, TimeUnit.SECONDS)) {
                    postmaster.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
