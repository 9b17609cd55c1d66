package dev.bodega.platform.internal.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM killed with the embedded PostgreSQL running leaves its postmaster
 * behind (pg_ctl detaches it). The next start on the same directory must stop
 * that orphan, start its own server and find the committed data.
 */
class EmbeddedDatabaseRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartAfterAKilledRunStopsTheOrphanAndKeepsTheData() throws Exception {
        EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, false);
        long orphanPid = postmasterPid();
        try {
            execute(first, "CREATE TABLE crash_check (note text)", "INSERT INTO crash_check VALUES ('committed before the kill')");
            first.releaseLocksAsIfKilled();
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

            try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, false)) {
                assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(postmasterPid()).isNotEqualTo(orphanPid);
                assertThat(notes(second)).isEqualTo("committed before the kill");
            }
        } finally {
            // Only reached alive if the test failed before the second start stopped it.
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroy);
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).trim());
    }

    private static void execute(EmbeddedDatabase database, String... statements) throws SQLException {
        try (Connection c = database.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String notes(EmbeddedDatabase database) throws SQLException {
        try (Connection c = database.superuserDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT string_agg(note, ',') FROM crash_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
