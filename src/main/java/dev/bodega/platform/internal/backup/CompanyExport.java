package dev.bodega.platform.internal.backup;

import dev.bodega.platform.internal.backup.BackupTables.Column;
import dev.bodega.platform.internal.backup.BackupTables.Table;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one company to a zip: one CSV per table (PostgreSQL's COPY, header first, rows in key order) and the
 * manifest last. All tables are read in one REPEATABLE READ transaction, so the archive is one moment of the
 * company even while it keeps selling.
 */
@Component
class CompanyExport {

    private final DataSource owner;
    private final JsonMapper json;
    private final Clock clock;

    CompanyExport(@Qualifier("ownerDataSource") DataSource owner, JsonMapper json, Clock clock) {
        this.owner = owner;
        this.json = json;
        this.clock = clock;
    }

    Manifest export(UUID tenant, OutputStream out) throws IOException, SQLException {
        try (OwnerSession session = OwnerSession.snapshot(owner, tenant)) {
            Manifest.Company company = session.jdbc.sql("SELECT id, slug, name FROM tenants WHERE id = :id")
                    .param("id", tenant).query(Manifest.Company.class).optional()
                    .orElseThrow(() -> new IllegalArgumentException("No company " + tenant));
            String schema = SchemaVersion.current(session.jdbc);
            ZipOutputStream zip = new ZipOutputStream(out);
            List<Manifest.TableFile> files = new ArrayList<>();
            for (Table table : BackupTables.read(session.jdbc)) {
                if (BackupRules.travels(table.name())) {
                    files.add(write(session, table, tenant, zip));
                }
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, BodegaVersion.current(), schema,
                    Instant.now(clock).toString(), company, files, new TreeMap<>(BackupRules.LEFT_OUT),
                    new TreeMap<>(BackupRules.EMPTIED));
            zip.putNextEntry(new ZipEntry(Manifest.FILE));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            return manifest;
        }
    }

    private static Manifest.TableFile write(OwnerSession session, Table table, UUID tenant, ZipOutputStream zip)
            throws IOException, SQLException {
        String file = Manifest.fileOf(table.name());
        zip.putNextEntry(new ZipEntry(file));
        MessageDigest sha256 = sha256();
        long rows = session.copy().copyOut(copySql(table, tenant),
                new DigestOutputStream(new KeptOpen(zip), sha256));
        zip.closeEntry();
        return new Manifest.TableFile(table.name(), file, rows, HexFormat.of().formatHex(sha256.digest()));
    }

    /** The COPY of one company's rows of a table; COPY takes no parameters, so the tenant is a checked uuid. */
    static String copySql(Table table, UUID tenant) {
        String columns = table.carried().stream().map(c -> selected(table, c)).collect(Collectors.joining(", "));
        List<String> key = table.key().stream().filter(k -> !k.equals(table.tenantColumn())).toList();
        String order = key.isEmpty() ? "r::text" : key.stream().map(k -> "r." + OwnerSession.quoted(k))
                .collect(Collectors.joining(", "));
        return "COPY (SELECT " + columns + " FROM " + OwnerSession.quoted(table.name()) + " r WHERE r."
                + OwnerSession.quoted(table.tenantColumn()) + " = '" + tenant + "' ORDER BY " + order
                + ") TO STDOUT WITH (FORMAT csv, HEADER)";
    }

    private static String selected(Table table, Column column) {
        String name = OwnerSession.quoted(column.name());
        return BackupRules.emptied(table.name(), column.name()) ? "NULL AS " + name : "r." + name;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip stays open when one entry's writer is done with it. */
    private static final class KeptOpen extends FilterOutputStream {
        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
