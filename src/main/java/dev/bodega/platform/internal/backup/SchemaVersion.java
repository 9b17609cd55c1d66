package dev.bodega.platform.internal.backup;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.Comparator;

/** The database's schema version: the highest Flyway migration applied (versions compare part by part). */
final class SchemaVersion {

    static final Comparator<String> ORDER = Comparator.comparing(SchemaVersion::parts, Arrays::compare);

    private SchemaVersion() {
    }

    static String current(JdbcClient jdbc) {
        return jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .query(String.class).list().stream().max(ORDER)
                .orElseThrow(() -> new IllegalStateException("The database has no migrations applied"));
    }

    private static long[] parts(String version) {
        return Arrays.stream(version.split("[._]")).mapToLong(Long::parseLong).toArray();
    }
}
