package dev.bodega.platform.internal.backup;

import dev.bodega.platform.CompanyBackups.Imported;
import dev.bodega.platform.Ids;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.internal.backup.BackupTables.Column;
import dev.bodega.platform.internal.backup.BackupTables.Table;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a company's backup into a new company. Everything is checked before anything is written (the manifest, each
 * file's SHA-256, the schema version, the new identifier); then all rows go in one transaction, so a refused or
 * failed import changes nothing. Rows go in as they were: triggers are off for the transaction
 * ({@code session_replication_role = replica}), so the audit log, the ledger's stock levels and the sales rollups
 * are the archive's, not recomputed or written twice. Columns this Bodega added since the archive take their
 * defaults.
 */
@Component
class CompanyImport {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final DataSource owner;
    private final JsonMapper json;

    CompanyImport(@Qualifier("ownerDataSource") DataSource owner, JsonMapper json) {
        this.owner = owner;
        this.json = json;
    }

    Imported importCompany(Path archive, String slug) throws IOException, SQLException {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw Problems.of(BackupProblem.INVALID, "The new company identifier must be lowercase letters, digits "
                    + "and dashes");
        }
        try (ZipFile zip = open(archive)) {
            Manifest manifest = checked(zip);
            UUID tenant = Ids.next();
            try (OwnerSession session = OwnerSession.writing(owner, tenant)) {
                Map<String, Table> tables = BackupTables.read(session.jdbc).stream()
                        .collect(Collectors.toMap(Table::name, Function.identity()));
                refuseNewer(manifest, session.jdbc, tables);
                refuseTakenSlug(session.jdbc, slug);
                withoutTriggers(session);
                long rows = 0;
                Set<String> ignored = new TreeSet<>();
                for (Manifest.TableFile file : manifest.tables()) {
                    rows += load(session, zip, file, tables.get(file.table()), slug, ignored);
                }
                for (Manifest.TableFile file : manifest.tables()) {
                    advanceSequences(session.jdbc, tables.get(file.table()));
                }
                session.commit();
                List<String> notes = new ArrayList<>();
                manifest.leftOut().forEach((table, why) -> notes.add("left out " + table + ": " + why));
                manifest.emptied().forEach((column, why) -> notes.add("emptied " + column + ": " + why));
                ignored.forEach(column -> notes.add("no longer in this Bodega, not imported: " + column));
                return new Imported(tenant, slug, manifest.tables().size(), rows, notes);
            }
        }
    }

    private static ZipFile open(Path archive) throws IOException {
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw Problems.of(BackupProblem.INVALID, "Not a zip archive: " + archive.getFileName());
        }
    }

    /** The manifest, once every file it lists matches its checksum and no other file is in the archive. */
    private Manifest checked(ZipFile zip) throws IOException {
        Manifest manifest = manifest(zip);
        Map<String, Manifest.TableFile> listed = new LinkedHashMap<>();
        for (Manifest.TableFile file : manifest.tables()) {
            if (!Manifest.fileOf(file.table()).equals(file.file()) || listed.put(file.file(), file) != null) {
                throw Problems.of(BackupProblem.INVALID, "The manifest lists " + file.file() + " wrongly");
            }
            ZipEntry entry = zip.getEntry(file.file());
            if (entry == null) {
                throw Problems.of(BackupProblem.TAMPERED, file.file() + " is missing from the archive");
            }
            if (!sha256(zip, entry).equals(file.sha256())) {
                throw Problems.of(BackupProblem.TAMPERED, file.file() + " does not match its checksum: the archive "
                        + "was changed or damaged after it was written");
            }
        }
        zip.stream().map(ZipEntry::getName)
                .filter(name -> !name.equals(Manifest.FILE) && !listed.containsKey(name)).findFirst()
                .ifPresent(name -> {
                    throw Problems.of(BackupProblem.TAMPERED, name + " is not in the manifest");
                });
        return manifest;
    }

    private Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.FILE);
        if (entry == null) {
            throw Problems.of(BackupProblem.INVALID, "The archive has no " + Manifest.FILE
                    + ": it is not a Bodega company backup");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            Manifest manifest = json.readValue(in, Manifest.class);
            if (!Manifest.FORMAT.equals(manifest.format()) || manifest.tables() == null
                    || manifest.schemaVersion() == null || manifest.company() == null) {
                throw Problems.of(BackupProblem.INVALID, "Not a " + Manifest.FORMAT + " archive");
            }
            return manifest;
        } catch (JacksonException e) {
            throw Problems.of(BackupProblem.INVALID, "The manifest cannot be read");
        }
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest digest = CompanyExport.sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void refuseNewer(Manifest manifest, JdbcClient jdbc, Map<String, Table> tables) {
        String ours = SchemaVersion.current(jdbc);
        boolean newer;
        try {
            newer = SchemaVersion.ORDER.compare(manifest.schemaVersion(), ours) > 0;
        } catch (NumberFormatException e) {
            throw Problems.of(BackupProblem.INVALID, "Unreadable schema version " + manifest.schemaVersion());
        }
        List<String> unknown = manifest.tables().stream().map(Manifest.TableFile::table)
                .filter(t -> !tables.containsKey(t) || !BackupRules.travels(t)).toList();
        if (newer || !unknown.isEmpty()) {
            throw Problems.of(BackupProblem.NEWER, "The archive was written by schema version "
                    + manifest.schemaVersion() + "; this Bodega has " + ours + (unknown.isEmpty() ? ""
                    : " and does not know " + unknown) + ". Import it into the same or a later version.");
        }
    }

    private static void refuseTakenSlug(JdbcClient jdbc, String slug) {
        boolean taken = jdbc.sql("SELECT count(*) > 0 FROM tenants WHERE slug = :slug").param("slug", slug)
                .query(Boolean.class).single();
        if (taken) {
            throw Problems.of(PlatformProblem.SLUG_TAKEN, "The company identifier '" + slug + "' is already taken");
        }
    }

    private static void withoutTriggers(OwnerSession session) {
        try {
            session.jdbc.sql("SET LOCAL session_replication_role = replica").update();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The database owner role may not turn triggers off for the import; as "
                    + "a superuser run: GRANT SET ON PARAMETER session_replication_role TO <owner role>", e);
        }
    }

    /** One file through a text-typed staging table, then cast into the table with the new company's key. */
    private static long load(OwnerSession session, ZipFile zip, Manifest.TableFile file, Table table, String slug,
                             Set<String> ignored) throws IOException, SQLException {
        ZipEntry entry = zip.getEntry(file.file());
        List<String> header = header(zip, entry);
        String staging = header.stream().map(c -> OwnerSession.quoted(c) + " text")
                .collect(Collectors.joining(", "));
        session.jdbc.sql("CREATE TEMPORARY TABLE backup_rows (" + staging + ") ON COMMIT DROP").update();
        long rows;
        try (InputStream in = zip.getInputStream(entry)) {
            rows = session.copy().copyIn("COPY backup_rows FROM STDIN WITH (FORMAT csv, HEADER)", in);
        }
        if (rows != file.rows()) {
            throw Problems.of(BackupProblem.TAMPERED, file.file() + " holds " + rows + " rows, the manifest says "
                    + file.rows());
        }
        List<String> columns = new ArrayList<>(List.of(OwnerSession.quoted(table.tenantColumn())));
        List<String> values = new ArrayList<>(List.of("CAST(:tenant AS uuid)"));
        for (Column column : table.carried()) {
            var rule = BackupRules.onImport(table.name(), column.name());
            if (rule.isPresent() || header.contains(column.name())) {
                columns.add(OwnerSession.quoted(column.name()));
                values.add(rule.orElse("CAST(r." + OwnerSession.quoted(column.name()) + " AS " + column.type() + ")"));
            }
        }
        header.stream().filter(c -> !table.columnNames().contains(c)).forEach(c -> ignored.add(table.name() + "." + c));
        var insert = session.jdbc.sql("INSERT INTO " + OwnerSession.quoted(table.name()) + " ("
                        + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM backup_rows r")
                .param("tenant", session.tenant().toString());
        if (values.contains(":slug")) {
            insert = insert.param("slug", slug);
        }
        insert.update();
        session.jdbc.sql("DROP TABLE backup_rows").update();
        return rows;
    }

    private static List<String> header(ZipFile zip, ZipEntry entry) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || line.isBlank()) {
                throw Problems.of(BackupProblem.INVALID, entry.getName() + " has no header line");
            }
            try {
                List<String> names = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
                names.forEach(OwnerSession::quoted);
                return names;
            } catch (IllegalArgumentException e) {
                throw Problems.of(BackupProblem.INVALID, entry.getName() + " has a header that is not column names");
            }
        }
    }

    /** Ids drawn from a sequence came from another database: its next values must not meet them. */
    private static void advanceSequences(JdbcClient jdbc, Table table) {
        table.sequences().forEach((column, sequence) -> jdbc.sql("""
                        SELECT setval(CAST(:sequence AS regclass), GREATEST(
                            COALESCE(pg_sequence_last_value(CAST(:sequence AS regclass)), 1),
                            COALESCE((SELECT max(%s) FROM %s), 1)))"""
                        .formatted(OwnerSession.quoted(column), OwnerSession.quoted(table.name())))
                .param("sequence", sequence).query().listOfRows());
    }
}
