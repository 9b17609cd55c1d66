package dev.bodega.platform.internal.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM killed with {@code kill -9} while the embedded PostgreSQL runs leaves
 * its postmaster behind (pg_ctl detaches it). The next start on the same
 * directory must stop that orphan, start its own server and find the data.
 */
class EmbeddedDatabaseRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartAfterKillDashNineStopsTheOrphanAndKeepsTheData() throws Exception {
        Process run = startKilledRun();
        long orphanPid = -1;
        try {
            awaitReady(run);
            orphanPid = postmasterPid();
            run.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

            try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, false)) {
                assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(postmasterPid()).isNotEqualTo(orphanPid);
                assertThat(notes(second)).isEqualTo("committed before the kill");
            }
        } finally {
            run.destroyForcibly();
            // Only alive here if the test failed before the second start stopped it.
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy);
        }
    }

    private Process startKilledRun() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(),
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitReady(Process run) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream()));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("READY")) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The first run ended before it was ready:\n" + seen);
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
    }

    private static String notes(EmbeddedDatabase database) throws SQLException {
        try (Connection c = database.superuserDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT string_agg(note, ',') FROM crash_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
