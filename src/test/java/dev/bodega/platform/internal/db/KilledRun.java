package dev.bodega.platform.internal.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** A separate JVM for {@link EmbeddedDatabaseRecoveryTest}: starts the database, commits a row, then waits to be killed. */
public final class KilledRun {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), false);
        try (Connection c = database.superuserDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE crash_check (note text)");
            s.execute("INSERT INTO crash_check VALUES ('committed before the kill')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
