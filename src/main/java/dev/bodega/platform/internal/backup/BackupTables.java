package dev.bodega.platform.internal.backup;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tables a company's backup holds, read from the database's own catalog so that a new table travels without
 * anyone remembering to list it: every table with a {@code tenant_id} (partitions through their parent), and the
 * company's own row. Parents come before children, by the foreign keys.
 */
final class BackupTables {

    /** The company's own row is keyed by {@code id}; every other table by {@code tenant_id}. */
    static final String COMPANIES = "tenants";

    record Column(String name, String type) {
    }

    /** {@code sequences}: column → sequence of the columns whose default draws from one. */
    record Table(String name, String tenantColumn, List<Column> columns, List<String> key,
                 Map<String, String> sequences) {

        List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /** The columns a backup file carries: all but the tenant's key, which the importing company replaces. */
        List<Column> carried() {
            return columns.stream().filter(c -> !c.name().equals(tenantColumn)).toList();
        }
    }

    private BackupTables() {
    }

    /** Every tenant table, parents first. */
    static List<Table> read(JdbcClient jdbc) {
        Map<String, List<Column>> columns = new TreeMap<>();
        jdbc.sql("""
                SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type
                FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
                  AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  AND (c.relname = :companies OR EXISTS (
                      SELECT 1 FROM pg_attribute t
                      WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped))
                ORDER BY c.relname, a.attnum""")
                .param("companies", COMPANIES)
                .query((rs, n) -> {
                    columns.computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                            .add(new Column(rs.getString("column_name"), rs.getString("type")));
                    return null;
                }).list();
        Map<String, List<String>> keys = primaryKeys(jdbc);
        Map<String, Map<String, String>> sequences = sequences(jdbc);
        List<Table> tables = new ArrayList<>();
        for (String name : parentsFirst(columns.keySet(), foreignKeys(jdbc))) {
            tables.add(new Table(name, name.equals(COMPANIES) ? "id" : "tenant_id", columns.get(name),
                    keys.getOrDefault(name, List.of()), sequences.getOrDefault(name, Map.of())));
        }
        return tables;
    }

    /** Unique indexes of the tenant tables that do not include the tenant's key: their values are global. */
    static Map<String, Set<String>> globallyUniqueColumns(JdbcClient jdbc) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (Table table : read(jdbc)) {
            jdbc.sql("""
                    SELECT a.attname FROM pg_index i
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                    WHERE i.indrelid = CAST(:table AS regclass) AND i.indisunique
                      AND NOT EXISTS (SELECT 1 FROM pg_attribute k
                                      WHERE k.attrelid = i.indrelid AND k.attnum = ANY (i.indkey)
                                        AND k.attname = :tenantColumn)""")
                    .param("table", table.name()).param("tenantColumn", table.tenantColumn())
                    .query(String.class).list()
                    .forEach(column -> found.computeIfAbsent(table.name(), t -> new TreeSet<>()).add(column));
        }
        return found;
    }

    record KeyColumn(String tableName, String columnName) {
    }

    private static Map<String, List<String>> primaryKeys(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT c.relname AS table_name, a.attname AS column_name
                FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                WHERE i.indisprimary AND c.relnamespace = current_schema()::regnamespace
                ORDER BY c.relname, k.position""")
                .query(KeyColumn.class).list().stream()
                .collect(Collectors.groupingBy(KeyColumn::tableName, LinkedHashMap::new,
                        Collectors.mapping(KeyColumn::columnName, Collectors.toList())));
    }

    private static Map<String, Map<String, String>> sequences(JdbcClient jdbc) {
        Map<String, Map<String, String>> found = new TreeMap<>();
        jdbc.sql("""
                SELECT c.relname AS table_name, a.attname AS column_name,
                       substring(pg_get_expr(d.adbin, d.adrelid) FROM 'nextval\\(''([^'']+)''') AS sequence_name
                FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid
                JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
                WHERE c.relnamespace = current_schema()::regnamespace
                  AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'""")
                .query((rs, n) -> found.computeIfAbsent(rs.getString("table_name"), t -> new TreeMap<>())
                        .put(rs.getString("column_name"), rs.getString("sequence_name"))).list();
        return found;
    }

    private static Map<String, Set<String>> foreignKeys(JdbcClient jdbc) {
        Map<String, Set<String>> parents = new TreeMap<>();
        jdbc.sql("""
                SELECT child.relname AS child, parent.relname AS parent
                FROM pg_constraint f
                JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
                WHERE f.contype = 'f' AND f.conparentid = 0 AND f.conrelid <> f.confrelid""")
                .query((rs, n) -> parents.computeIfAbsent(rs.getString("child"), c -> new TreeSet<>())
                        .add(rs.getString("parent"))).list();
        return parents;
    }

    /** Kahn's order, ties by name, so the same schema always gives the same order. */
    static List<String> parentsFirst(Set<String> tables, Map<String, Set<String>> parentsOf) {
        List<String> ordered = new ArrayList<>();
        Set<String> waiting = new TreeSet<>(tables);
        while (!waiting.isEmpty()) {
            String next = waiting.stream()
                    .filter(t -> parentsOf.getOrDefault(t, Set.of()).stream()
                            .noneMatch(p -> waiting.contains(p)))
                    .findFirst()
                    .orElse(waiting.iterator().next()); // a cycle: break it by name (inserts skip key checks)
            ordered.add(next);
            waiting.remove(next);
        }
        return ordered;
    }
}
