package dev.bodega.platform.internal.backup;

import dev.bodega.demo.DemoData;
import dev.bodega.platform.CompanyBackups;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A company's backup: the demo company exported, imported as a new company and exported again gives the same files;
 * an import leaves every other company as it was; an altered archive is refused and changes nothing.
 */
@BodegaTest
class CompanyBackupTest {

    @Autowired TestFixtures fixtures;
    @Autowired DemoData demo;
    @Autowired CompanyBackups backups;
    @Autowired CompanyExport export;
    @Autowired BackupCommand command;
    @Autowired EmbeddedDatabase database;
    @Autowired @Qualifier("ownerDataSource") DataSource owner;
    @Autowired JsonMapper json;
    @Autowired Api api;

    @TempDir Path dir;

    @Test
    void theDemoCompanyExportedImportedAndExportedAgainIsTheSameTableByTable() throws IOException {
        var tenant = fixtures.tenant();
        fixtures.user(tenant, "gerente@demo.bodega", "manager");
        fixtures.user(tenant, "vendedor@demo.bodega", "seller");
        fixtures.user(tenant, "tecnico@demo.bodega", "technician");
        demo.fill(tenant.id(), tenant.adminId());
        Path first = exported(tenant.id(), "first.zip");

        String slug = "copy-" + tenant.slug();
        CompanyBackups.Imported imported = backups.importCompany(first, slug);
        Path second = exported(imported.tenantId(), "second.zip");

        Map<String, byte[]> before = files(first);
        Map<String, byte[]> after = files(second);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(before.keySet()).doesNotContain(Manifest.fileOf("api_keys"), Manifest.fileOf("idempotency_keys"));
        for (String file : before.keySet()) {
            String table = file.substring("tables/".length(), file.length() - ".csv".length());
            Set<String> changed = changedOnImport(table);
            if (changed.isEmpty()) {
                assertThat(after.get(file)).as(file).isEqualTo(before.get(file));
            } else {
                assertThat(rows(after.get(file), changed)).as(file).isEqualTo(rows(before.get(file), changed));
            }
        }
        JsonNode manifest = manifest(first);
        assertThat(manifest.get("schemaVersion").asString()).isEqualTo(SchemaVersion.current(superuser()));
        assertThat(rowsOf(manifest)).isEqualTo(rowsOf(manifest(second)));
        assertThat(rowsOf(manifest)).containsEntry("tenants", 1L);
        assertThat(rowsOf(manifest).get("sales")).isGreaterThan(500);
        assertThat(rowsOf(manifest).get("stock_ledger")).isPositive();
        assertThat(rowsOf(manifest).get("audit_log")).isPositive();
        assertThat(imported.rows()).isEqualTo(rowsOf(manifest).values().stream().mapToLong(Long::longValue).sum());

        // The copy is a company of its own: its admin signs in with the same password, under the new identifier.
        var session = WebSession.signedIn(api.baseUrl(), slug, tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(session.get("/settings").body()).contains(slug);
        assertThat(superuser().sql("SELECT join_token <> (SELECT join_token FROM tenants WHERE id = :a) FROM tenants "
                + "WHERE id = :b").param("a", tenant.id()).param("b", imported.tenantId()).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void importingTwiceIntoADatabaseWithOtherCompaniesLeavesThemUntouched() throws IOException {
        var source = fixtures.tenant();
        var other = fixtures.tenant();
        fixtures.user(source, "vendedor@x.test", "seller");
        fixtures.user(other, "vendedor@x.test", "seller");
        Path archive = exported(source.id(), "source.zip");
        Map<String, String> sourceBefore = fingerprint(source.id());
        Map<String, String> otherBefore = fingerprint(other.id());
        long companies = companies();

        var first = backups.importCompany(archive, "a-" + source.slug());
        var second = backups.importCompany(archive, "b-" + source.slug());

        assertThat(first.tenantId()).isNotEqualTo(second.tenantId());
        assertThat(companies()).isEqualTo(companies + 2);
        assertThat(fingerprint(source.id())).isEqualTo(sourceBefore);
        assertThat(fingerprint(other.id())).isEqualTo(otherBefore);
        assertThat(withoutCompanyRow(fingerprint(first.tenantId())))
                .isEqualTo(withoutCompanyRow(fingerprint(second.tenantId())))
                .isEqualTo(withoutLeftOut(withoutCompanyRow(sourceBefore)));
        assertThatThrownBy(() -> backups.importCompany(archive, other.slug()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getBody().getType().toString()).endsWith("/slug-taken"));
    }

    @Test
    void anAlteredDamagedOrNewerArchiveIsRefusedAndNothingChanges() throws IOException {
        var tenant = fixtures.tenant();
        Path archive = exported(tenant.id(), "original.zip");
        long companies = companies();

        Path altered = rewritten(archive, "altered.zip", Map.of(Manifest.fileOf("users"),
                csv -> csv.replace("Admin " + tenant.slug(), "Mallory")));
        assertRefused(altered, "backup-tampered");
        Path extra = rewritten(archive, "extra.zip", Map.of("tables/evil.csv", csv -> "id\n1\n"));
        assertRefused(extra, "backup-tampered");
        Path noManifest = rewritten(archive, "no-manifest.zip", Map.of(Manifest.FILE, manifest -> null));
        assertRefused(noManifest, "backup-invalid");
        Path newer = rewritten(archive, "newer.zip", Map.of(Manifest.FILE,
                manifest -> manifest.replaceFirst("\"schemaVersion\" : \"[0-9.]+\"", "\"schemaVersion\" : \"99999\"")));
        assertRefused(newer, "backup-from-newer-version");
        Path notZip = Files.writeString(dir.resolve("not.zip"), "hello");
        assertRefused(notZip, "backup-invalid");

        assertThat(companies()).isEqualTo(companies);
        assertThat(command.importArchive(altered.toString(), "altered-" + tenant.slug(), System.out)).isEqualTo(2);
        assertThat(companies()).isEqualTo(companies);
    }

    @Test
    void anArchiveFromAnEarlierVersionGetsTheDefaultsOfColumnsAddedSince() throws IOException {
        var tenant = fixtures.tenant();
        Path archive = exported(tenant.id(), "current.zip");
        // users.pending_invitation came with V112: an archive written before it has no such column.
        String users = Manifest.fileOf("users");
        String older;
        try (ZipFile zip = new ZipFile(archive.toFile()); InputStream in = zip.getInputStream(zip.getEntry(users))) {
            older = withoutColumn(new String(in.readAllBytes(), StandardCharsets.UTF_8), "pending_invitation");
        }
        String sha = HexFormat.of().formatHex(CompanyExport.sha256().digest(older.getBytes(StandardCharsets.UTF_8)));
        Path earlier = rewritten(archive, "earlier.zip", Map.of(users, csv -> older, Manifest.FILE, manifest ->
                manifest.replaceFirst("(\"file\" : \"" + users + "\",\\s*\"rows\" : \\d+,\\s*\"sha256\" : \")[0-9a-f]+",
                        "$1" + sha)));

        var imported = backups.importCompany(earlier, "older-" + tenant.slug());

        assertThat(superuser().sql("SELECT count(*) FROM users WHERE tenant_id = :t AND NOT pending_invitation")
                .param("t", imported.tenantId()).query(Long.class).single()).isEqualTo(1);
    }

    private static String withoutColumn(String csv, String column) throws IOException {
        var format = CSVFormat.POSTGRESQL_CSV.builder().setHeader().setSkipHeaderRecord(true).get();
        var records = format.parse(new StringReader(csv));
        List<String> header = new ArrayList<>(records.getHeaderNames());
        int dropped = header.indexOf(column);
        assertThat(dropped).isNotNegative();
        header.remove(dropped);
        StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
        var printer = CSVFormat.POSTGRESQL_CSV.builder().setRecordSeparator("\n").get().print(out);
        for (CSVRecord record : records) {
            List<String> values = new ArrayList<>(record.toList());
            values.remove(dropped);
            printer.printRecord(values);
        }
        return out.toString();
    }

    @Test
    void theCommandLineExportsByIdentifierAndImportsAsANewCompany() throws IOException {
        var tenant = fixtures.tenant();
        Path file = dir.resolve("cli.zip");
        assertThat(command.export(tenant.slug(), file.toString(), System.out)).isZero();
        assertThat(manifest(file).get("company").get("slug").asString()).isEqualTo(tenant.slug());
        assertThat(command.export("no-such-company", dir.resolve("x.zip").toString(), System.out)).isEqualTo(2);
        assertThat(command.importArchive(file.toString(), "cli-" + tenant.slug(), System.out)).isZero();
        assertThat(backups.companyId("cli-" + tenant.slug())).isPresent();
    }

    @Test
    void scheduledBackupsKeepTheNewestOfEachCompany() throws Exception {
        var tenant = fixtures.tenant();
        var properties = new BackupProperties(true, "0 30 2 * * *", dir.resolve("backups"), 2);
        var company = new ScheduledBackups.Company(tenant.id(), tenant.slug());
        Instant start = Instant.parse("2026-01-01T02:30:00Z");
        List<Path> written = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            Clock clock = Clock.fixed(start.plus(Duration.ofDays(day)), ZoneOffset.UTC);
            written.add(ScheduledBackups.backUp(properties, export, company, clock));
        }
        try (var files = Files.list(dir.resolve("backups").resolve(tenant.slug()))) {
            assertThat(files.sorted().toList()).containsExactly(written.get(1), written.get(2));
        }
        assertThat(manifest(written.get(2)).get("company").get("id").asString()).isEqualTo(tenant.id().toString());
    }

    @Test
    void theAdminDownloadsTheCompanysBackupOthersMayNot() throws Exception {
        var tenant = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "seller@backup.test", "seller");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/api/v1/backup")).header("Authorization", "Bearer " + tenant.adminKey())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        Path file = Files.write(dir.resolve("download.zip"), download.body());
        assertThat(manifest(file).get("company").get("id").asString()).isEqualTo(tenant.id().toString());

        String sellerKey = fixtures.apiKey(tenant, seller, Set.of("sales.*"), List.of("sales.*"));
        assertThat(api.get(sellerKey, "/api/v1/backup").status()).isEqualTo(403);

        var admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(admin.get("/settings").body()).contains("id=\"settings-backup-download\"");
        var page = admin.get("/settings/backup");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Disposition")).contains(tenant.slug());
        var sellerPage = WebSession.signedIn(api.baseUrl(), tenant.slug(), "seller@backup.test", TestFixtures.PASSWORD);
        assertThat(sellerPage.get("/settings/backup").status()).isEqualTo(403);
    }

    @Test
    void everyValueUniqueAcrossTheDatabaseIsLeftOutOrMadeAnewOnImport() {
        Map<String, Set<String>> global = BackupTables.globallyUniqueColumns(superuser());
        global.forEach((table, columns) -> columns.forEach(column -> assertThat(
                !BackupRules.travels(table) || BackupRules.onImport(table, column).isPresent())
                .as(table + "." + column + " is unique across companies: leave the table out or give it a rule")
                .isTrue()));
    }

    @Test
    void parentsComeBeforeTheirChildren() {
        List<String> order = BackupTables.read(superuser()).stream().map(BackupTables.Table::name).toList();
        assertThat(order.indexOf("tenants")).isLessThan(order.indexOf("users"));
        assertThat(order.indexOf("users")).isLessThan(order.indexOf("sales"));
        assertThat(order.indexOf("sales")).isLessThan(order.indexOf("sale_lines"));
        assertThat(order).contains("audit_log").doesNotContain("audit_log_default");
        assertThat(BackupTables.parentsFirst(Set.of("a", "b", "c"), Map.of("a", Set.of("c"), "c", Set.of("b"))))
                .containsExactly("b", "c", "a");
    }

    private void assertRefused(Path archive, String slug) {
        assertThatThrownBy(() -> backups.importCompany(archive, "refused-" + UUID.randomUUID().toString().substring(0, 8)))
                .as(archive.getFileName().toString())
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.getBody().getType().toString()).endsWith("/" + slug));
    }

    private Path exported(UUID tenant, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            backups.export(tenant, out);
        }
        return file;
    }

    private static Set<String> changedOnImport(String table) {
        Set<String> changed = new java.util.TreeSet<>();
        BackupRules.ON_IMPORT.keySet().stream().filter(k -> k.startsWith(table + "."))
                .forEach(k -> changed.add(k.substring(table.length() + 1)));
        return changed;
    }

    private static Map<String, byte[]> files(Path archive) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (!entry.getName().equals(Manifest.FILE)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    private static List<Map<String, String>> rows(byte[] csv, Set<String> without) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (CSVRecord record : format.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            Map<String, String> row = new LinkedHashMap<>(record.toMap());
            without.forEach(row::remove);
            rows.add(row);
        }
        return rows;
    }

    private JsonNode manifest(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile()); InputStream in = zip.getInputStream(zip.getEntry(Manifest.FILE))) {
            return json.readTree(in);
        }
    }

    private static Map<String, Long> rowsOf(JsonNode manifest) {
        Map<String, Long> rows = new TreeMap<>();
        manifest.get("tables").forEach(t -> rows.put(t.get("table").asString(), t.get("rows").asLong()));
        return rows;
    }

    /** Each file replaced by {@code change} of its text (null: removed; a new name: added). */
    private Path rewritten(Path archive, String name, Map<String, UnaryOperator<String>> changes) throws IOException {
        Path target = dir.resolve(name);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        changes.forEach((file, change) -> {
            String text = entries.containsKey(file) ? new String(entries.get(file), StandardCharsets.UTF_8) : "";
            String changed = change.apply(text);
            assertThat(changed).as("the change alters " + file).isNotEqualTo(text);
            if (changed == null) {
                entries.remove(file);
            } else {
                entries.put(file, changed.getBytes(StandardCharsets.UTF_8));
            }
        });
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    /** A digest of each table's rows of one company (all its columns but the company's key). */
    private Map<String, String> fingerprint(UUID tenant) {
        Map<String, String> digests = new TreeMap<>();
        JdbcClient jdbc = superuser();
        for (BackupTables.Table table : BackupTables.read(jdbc)) {
            String key = OwnerSession.quoted(table.tenantColumn());
            digests.put(table.name(), jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(x, ',' ORDER BY x)), '') "
                            + "FROM (SELECT (to_jsonb(r) - '" + table.tenantColumn() + "')::text AS x FROM "
                            + OwnerSession.quoted(table.name()) + " r WHERE r." + key + " = :tenant) rows")
                    .param("tenant", tenant).query(String.class).single());
        }
        return digests;
    }

    private static Map<String, String> withoutCompanyRow(Map<String, String> fingerprint) {
        Map<String, String> rest = new TreeMap<>(fingerprint);
        rest.remove(BackupTables.COMPANIES);
        return rest;
    }

    private static Map<String, String> withoutLeftOut(Map<String, String> fingerprint) {
        Map<String, String> rest = new TreeMap<>(fingerprint);
        BackupRules.LEFT_OUT.keySet().forEach(table -> rest.put(table, "0:"));
        return rest;
    }

    private long companies() {
        return superuser().sql("SELECT count(*) FROM tenants").query(Long.class).single();
    }

    private JdbcClient superuser() {
        return JdbcClient.create(database.superuserDataSource());
    }
}
