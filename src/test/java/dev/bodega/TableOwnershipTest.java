package dev.bodega;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables: only its own SQL names them. Another module reads them through a view the owner
 * publishes in its migrations (named {@code <owner>_...}, created {@code WITH (security_invoker = true)}) or through
 * the owner's Java API. {@link ModularityTest} sees Java imports only; this test reads the SQL: the string literals
 * and text blocks of each module's main sources, and its migrations ({@code V<n>__<module>_...sql}). A table's owner
 * is the module whose migration creates it.
 * <p>
 * A name counts where SQL puts a table: after FROM, JOIN, INTO, UPDATE, TABLE or ON, and in a comma list after
 * them ({@code FROM items i, units u}); a qualified column ({@code i.items}) or a function call is not a table.
 * {@code REFERENCES} is not checked: a foreign key to another module's table is a constraint the database keeps,
 * not a read.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/bodega");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Landed migrations are never edited, and these name platform's or catalog's tables from inventory, from before
     * the rule: the ledger trigger reads the tenant's negative-stock rule and the item's minimum, the location
     * policies read roles (V50); the owner lists every tenant for the ledger check (V51); inventory changed platform's
     * tables (V52 a column's type, V60 a new column). New migrations get no such entry.
     */
    private static final Map<String, Set<String>> LANDED_BEFORE_THE_RULE = Map.of(
            "V50__inventory.sql", Set.of("tenants", "items", "roles", "user_roles"),
            "V51__inventory_ledger_check.sql", Set.of("tenants"),
            "V52__inventory_idempotent_replay_text.sql", Set.of("idempotency_keys"),
            "V60__inventory_adjustments.sql", Set.of("tenants"));

    private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__([a-z]+)(?:_\\w*)?\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern CREATE_VIEW = Pattern.compile("(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+(\\w+)([^;]*)");
    private static final Pattern SECURITY_INVOKER = Pattern.compile("(?i)^\\s*WITH\\s*\\(\\s*security_invoker\\s*=\\s*(true|on)\\s*\\)");
    private static final Pattern TABLE_PLACE = Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE|ON|REFERENCES)\\s+");
    /** Words that may follow those places without being a table or an alias. */
    private static final String KEYWORDS = "(?!(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|ON|OF|AS|IF|NOT|ONLY|LATERAL|"
            + "SELECT|WHERE|USING|LEFT|RIGHT|INNER|FULL|CROSS|NATURAL|GROUP|ORDER|LIMIT|OFFSET|HAVING|WINDOW|UNION|"
            + "EXCEPT|INTERSECT|SET|VALUES|DEFAULT|RETURNING|FOR|TO|ADD|ALTER|DROP|ENABLE|FORCE|CONFLICT|TRUE|FALSE)\\b)";
    /** A name not followed by "." (a qualified column) or "(" (a function call); "INSERT INTO t (a, b)" has a space. */
    private static final Pattern NAME = Pattern.compile("(?i)(?:(?:ONLY|LATERAL)\\s+)?+" + KEYWORDS + "([a-z_][a-z0-9_]*)\\b(?![.(])");
    private static final Pattern ALIAS = Pattern.compile("(?i)\\s+(?:AS\\s+)?" + KEYWORDS + "[a-z_][a-z0-9_]*\\b(?![.(])");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    /** A table or view named in SQL, and whether the place reads it (FROM, JOIN) or changes or declares it. */
    record Named(String name, boolean read) {
    }

    record Schema(Map<String, String> tableOwners, Map<String, String> publishedViews) {
    }

    @Test
    void aModuleNamesOnlyItsOwnTablesAndWhatOthersPublish() {
        Schema schema = schema();
        assertThat(schema.tableOwners()).containsEntry("tenants", "platform").containsEntry("items", "catalog")
                .containsEntry("stock_levels", "inventory").containsEntry("sales", "sales")
                .containsEntry("supplier_orders", "purchasing");

        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> landedExceptionsUsed = new TreeMap<>();
        for (Path migration : migrations()) {
            String file = migration.getFileName().toString();
            Set<String> allowed = LANDED_BEFORE_THE_RULE.getOrDefault(file, Set.of());
            for (String foreign : foreignNames(schema, moduleOf(migration), withoutSqlComments(read(migration)))) {
                if (allowed.contains(foreign)) {
                    landedExceptionsUsed.computeIfAbsent(file, f -> new TreeSet<>()).add(foreign);
                } else {
                    violations.add(file + " names " + foreign);
                }
            }
        }
        for (Path source : mainSources()) {
            String module = SOURCES.relativize(source).getName(0).toString();
            foreignNames(schema, module, String.join("\n", javaStrings(read(source))))
                    .forEach(foreign -> violations.add(SOURCES.relativize(source) + " names " + foreign));
        }

        assertThat(violations).as("SQL naming another module's table (read its published view or its Java API "
                + "instead), or changing another module's view").isEmpty();
        assertThat(landedExceptionsUsed).as("landed exceptions, each still needed")
                .isEqualTo(new TreeMap<>(LANDED_BEFORE_THE_RULE.entrySet().stream().collect(
                        Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue())))));
    }

    @Test
    void publishedViewsKeepTheReadersRowLevelSecurity() {
        List<String> definerViews = new ArrayList<>();
        for (Path migration : migrations()) {
            Matcher view = CREATE_VIEW.matcher(withoutSqlComments(read(migration)));
            while (view.find()) {
                if (!SECURITY_INVOKER.matcher(view.group(2)).find()) {
                    definerViews.add(migration.getFileName() + ": " + view.group(1));
                }
            }
        }
        assertThat(definerViews).as("views created without WITH (security_invoker = true): they would read with "
                + "their owner's rights, past the reader's row-level security").isEmpty();
        Schema schema = schema();
        assertThat(schema.publishedViews()).containsEntry("catalog_items", "catalog");
        assertThat(schema.tableOwners()).as("a view not named for its module is not published")
                .containsEntry("stock_ledger_mismatches", "inventory");
    }

    @Test
    void findsTablesWhereSqlPutsThemAndNotColumnsOrFunctions() {
        assertThat(names("""
                SELECT i.sku, count(*) AS items, s.sales FROM items i, units u
                JOIN stock_levels l ON l.item_id = i.id LEFT JOIN LATERAL unnest(r.permissions) AS p ON true
                WHERE i.id IN (SELECT item_id FROM sale_lines WHERE sale_id = ANY (CAST(:sales AS uuid[])))"""))
                .containsExactly(new Named("items", true), new Named("units", true), new Named("stock_levels", true),
                        new Named("sale_lines", true));
        assertThat(names("INSERT INTO sales (id) VALUES (:id) ON CONFLICT (id) DO UPDATE SET total = 0"))
                .containsExactly(new Named("sales", false));
        assertThat(names("UPDATE customers SET total = 1; DELETE FROM user_locations WHERE user_id = :u"))
                .containsExactly(new Named("customers", false), new Named("user_locations", false));
        assertThat(names("GRANT SELECT, UPDATE ON catalog_items, units TO app; ALTER TABLE tenants ADD COLUMN x int"))
                .extracting(Named::name).containsExactly("catalog_items", "units", "tenants");
        assertThat(names("CREATE TRIGGER t AFTER UPDATE OF cost_price, sale_price ON items FOR EACH ROW"))
                .extracting(Named::name).containsExactly("items");
        assertThat(names("SELECT allow_negative_stock INTO negatives FROM tenants WHERE id = NEW.tenant_id"))
                .containsExactly(new Named("negatives", false), new Named("tenants", true));
        assertThat(names("FOREIGN KEY (tenant_id, item_id) REFERENCES items (tenant_id, id)")).isEmpty();
    }

    /** Another module's tables, and its views in any place but a read, that {@code sql} of {@code module} names. */
    private static Set<String> foreignNames(Schema schema, String module, String sql) {
        Set<String> foreign = new TreeSet<>();
        for (Named named : names(sql)) {
            String tableOwner = schema.tableOwners().get(named.name());
            String viewOwner = schema.publishedViews().get(named.name());
            if (tableOwner != null && !tableOwner.equals(module)
                    || viewOwner != null && !viewOwner.equals(module) && !named.read()) {
                foreign.add(named.name());
            }
        }
        return foreign;
    }

    static List<Named> names(String sql) {
        List<Named> names = new ArrayList<>();
        Matcher place = TABLE_PLACE.matcher(sql);
        int from = 0;
        while (place.find(from)) {
            String keyword = place.group(1).toUpperCase(Locale.ROOT);
            boolean read = keyword.equals("FROM") && !isDelete(sql, place.start()) || keyword.equals("JOIN");
            int at = place.end();
            while (!keyword.equals("REFERENCES")) {
                Matcher name = NAME.matcher(sql).region(at, sql.length());
                if (!name.lookingAt()) {
                    break;
                }
                names.add(new Named(name.group(1).toLowerCase(Locale.ROOT), read));
                at = name.end();
                Matcher alias = ALIAS.matcher(sql).region(at, sql.length());
                at = alias.lookingAt() ? alias.end() : at;
                Matcher comma = COMMA.matcher(sql).region(at, sql.length());
                if (!comma.lookingAt()) {
                    break;
                }
                at = comma.end();
            }
            from = Math.max(at, place.end());
        }
        return names;
    }

    private static boolean isDelete(String sql, int fromAt) {
        return sql.substring(0, fromAt).stripTrailing().toUpperCase(Locale.ROOT).endsWith("DELETE");
    }

    private static Schema schema() {
        Map<String, String> tables = new TreeMap<>();
        Map<String, String> views = new TreeMap<>();
        for (Path migration : migrations()) {
            String module = moduleOf(migration);
            String sql = withoutSqlComments(read(migration));
            CREATE_TABLE.matcher(sql).results().forEach(m -> tables.put(m.group(1).toLowerCase(Locale.ROOT), module));
            // A view named for its module is published; any other is the module's own, like its tables.
            CREATE_VIEW.matcher(sql).results().map(m -> m.group(1).toLowerCase(Locale.ROOT))
                    .forEach(view -> (view.startsWith(module + "_") ? views : tables).put(view, module));
        }
        return new Schema(tables, views);
    }

    private static String moduleOf(Path migration) {
        Matcher name = MIGRATION_NAME.matcher(migration.getFileName().toString());
        assertThat(name.matches()).as("migration named V<n>__<module>_...sql: " + migration.getFileName()).isTrue();
        assertThat(SOURCES.resolve(name.group(1))).as("the module a migration is named for").isDirectory();
        return name.group(1);
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java files of the modules (the packages below dev.bodega). */
    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> SOURCES.relativize(f).getNameCount() > 1)
                    .sorted().toList();
            assertThat(list).isNotEmpty();
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }

    /** The contents of a Java file's string literals and text blocks (its comments and char literals left out). */
    static List<String> javaStrings(String java) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                i = endOf(java, "\n", i + 2);
            } else if (java.startsWith("/*", i)) {
                i = endOf(java, "*/", i + 2);
            } else if (java.startsWith("\"\"\"", i)) {
                int end = closing(java, "\"\"\"", i + 3);
                strings.add(java.substring(i + 3, end));
                i = end + 3;
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                String quote = String.valueOf(java.charAt(i));
                int end = closing(java, quote, i + 1);
                if (quote.equals("\"")) {
                    strings.add(java.substring(i + 1, end));
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return strings;
    }

    private static int endOf(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    /** Where {@code quote} closes, skipping backslash escapes. */
    private static int closing(String text, String quote, int from) {
        int i = from;
        while (!text.startsWith(quote, i)) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }
}
