package dev.bodega;

import dev.bodega.platform.internal.db.DatabaseEndpoint;
import dev.bodega.support.BodegaTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema a distributed PostgreSQL (Citus, sharded by tenant_id) accepts, read from the catalog of the migrated
 * database: every unique key of a tenant table includes tenant_id, and every table without tenant_id is a global
 * table listed for the distribution script (a Citus reference table) or one that stays on the coordinator.
 */
@BodegaTest
class DistributedSchemaKeysTest {

    static final Path REFERENCE_TABLES = Path.of("ops/citus/reference-tables.txt");
    /**
     * The frameworks' tables (migrations, scheduled jobs, sessions, the event outbox): never joined with a company's
     * rows, written on most requests, so they stay on the coordinator, where every server connects.
     */
    static final Set<String> LOCAL_ONLY = Set.of("flyway_schema_history", "scheduled_tasks", "spring_session",
            "spring_session_attributes", "event_publication", "event_publication_archive");

    private static final String TABLES = """
            SELECT c.relname, c.oid,
                   EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant
            FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """;

    @Autowired DatabaseEndpoint endpoint;

    @Test
    void everyUniqueKeyOfATenantTableIncludesTheTenant() throws SQLException {
        assertThat(query("""
                SELECT c.relname || '.' || i.relname
                FROM pg_index x
                JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_attribute t ON t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped
                WHERE x.indisunique AND c.relnamespace = current_schema()::regnamespace
                  AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND NOT t.attnum = ANY (x.indkey)
                ORDER BY 1
                """)).isEmpty();
    }

    @Test
    void everyTableWithoutATenantIsAListedReferenceTableOrLocal() throws SQLException, IOException {
        Set<String> global = new TreeSet<>(query("SELECT relname FROM (" + TABLES + ") t WHERE NOT tenant"));
        global.removeAll(LOCAL_ONLY);
        assertThat(new TreeSet<>(Files.readAllLines(REFERENCE_TABLES).stream().filter(l -> !l.isBlank()).toList()))
                .containsExactlyElementsOf(global);
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(endpoint.url(), endpoint.ownerUser(),
                endpoint.ownerPassword()); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
