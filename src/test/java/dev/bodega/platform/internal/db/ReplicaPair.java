package dev.bodega.platform.internal.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.util.FileSystemUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary with a streaming replica, each with Bodega's roles and database, as a superuser
 * ({@code postgres}, trust on localhost) and the two Bodega roles reach them.
 * <p>
 * {@code .ci/run} starts one on Debian's PostgreSQL 15 ({@code pg_basebackup -R}) and passes its URLs in
 * {@code BODEGA_TEST_PRIMARY_URL} and {@code BODEGA_TEST_REPLICA_URL}. Without them, the pair is built here from the
 * embedded PostgreSQL's own binaries, which every run of the suite has: the primary as Bodega's embedded database
 * (roles and database included), the replica a copy of it taken with the low-level backup API
 * ({@code pg_backup_start}, a file copy, {@code pg_backup_stop}: the bundle has no {@code pg_basebackup}), started
 * with {@code standby.signal} and streaming from the primary through a replication slot.
 */
final class ReplicaPair implements AutoCloseable {

    private static final String SLOT = "bodega_test_replica";

    final String primaryUrl;
    final String replicaUrl;
    private final List<AutoCloseable> owned;

    private ReplicaPair(String primaryUrl, String replicaUrl, List<AutoCloseable> owned) {
        this.primaryUrl = primaryUrl;
        this.replicaUrl = replicaUrl;
        this.owned = owned;
    }

    static ReplicaPair fromEnvironmentOrBuilt(Path dir) throws Exception {
        String primary = System.getenv("BODEGA_TEST_PRIMARY_URL");
        String replica = System.getenv("BODEGA_TEST_REPLICA_URL");
        if (primary != null && !primary.isBlank() && replica != null && !replica.isBlank()) {
            return new ReplicaPair(primary, replica, List.of());
        }
        return built(dir);
    }

    private static ReplicaPair built(Path dir) throws Exception {
        FileSystemUtils.deleteRecursively(dir);
        List<AutoCloseable> owned = new ArrayList<>();
        EmbeddedDatabase primary = EmbeddedDatabase.start(dir.resolve("primary"), true);
        owned.add(primary);
        try {
            Path primaryData = dir.resolve("primary/pg");
            Path replicaData = dir.resolve("replica");
            String postgres = postmasterCommand(primaryData);
            try (Connection c = primary.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
                // The migrations are not what is tested: hundreds of files, each synced, cost seconds.
                s.execute("ALTER SYSTEM SET fsync = off");
                s.execute("SELECT pg_reload_conf()");
                s.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
                s.execute("SELECT pg_backup_start('" + SLOT + "', true)");
                copyDataDirectory(primaryData, replicaData);
                try (ResultSet label = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                    label.next();
                    Files.writeString(replicaData.resolve("backup_label"), label.getString(1));
                }
            }
            Files.createFile(replicaData.resolve("standby.signal"));
            int port = freePort();
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U")); // as the embedded mode: PostgreSQL refuses to run as root
            }
            command.addAll(List.of(postgres, "-D", replicaData.toString(), "-p", Integer.toString(port),
                    "-c", "listen_addresses=localhost", "-c", "unix_socket_directories=",
                    // a standby needs at least the primary's number of connections (the embedded database's)
                    "-c", "max_connections=200",
                    "-c", "primary_conninfo=host=localhost port=" + primary.port() + " user=postgres",
                    "-c", "primary_slot_name=" + SLOT));
            Process replica = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("replica.log").toFile()).start();
            owned.add(() -> stop(replica));
            String replicaUrl = "jdbc:postgresql://localhost:%d/%s".formatted(port, EmbeddedDatabase.DATABASE);
            awaitConnection(superuser(replicaUrl), replica, dir.resolve("replica.log"));
            return new ReplicaPair(primary.jdbcUrl(), replicaUrl, owned);
        } catch (Exception e) {
            new ReplicaPair(null, null, owned).close();
            throw e;
        }
    }

    /** The postgres binary the embedded primary runs, from its postmaster's pid. */
    private static String postmasterCommand(Path dataDir) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("Cannot tell where the embedded postgres binary is"));
    }

    /**
     * All of a data directory but what a base backup leaves out: the running server's own files, the WAL (the
     * replica streams it through its slot) and the replication slots.
     */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
        Path wal = from.resolve("pg_wal");
        Path slots = from.resolve("pg_replslot");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (path.startsWith(slots) && !path.equals(slots)) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!skipped.contains(path.getFileName().toString()) && !path.startsWith(wal)) {
                    copy(path, target);
                }
            }
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    private static void copy(Path file, Path target) throws IOException {
        try {
            Files.copy(file, target);
        } catch (NoSuchFileException vanished) {
            // a temporary file the running server removed while it was copied: not part of the backup
        }
    }

    private static void awaitConnection(DataSource server, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = server.getConnection()) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The replica did not start: " + Files.readString(log), e);
                }
                Thread.sleep(100);
            }
        }
    }

    /** A fast shutdown (SIGINT): a smart one would wait for connections still open after a failed start. */
    private static void stop(Process process) throws Exception {
        if (!process.isAlive()) {
            return; // the test stopped it
        }
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static DataSource superuser(String url) {
        return as(url, "postgres");
    }

    static DataSource as(String url, String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(user);
        ds.setConnectTimeout(2);
        return ds;
    }

    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
    }
}
