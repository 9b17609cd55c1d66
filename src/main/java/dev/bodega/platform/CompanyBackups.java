package dev.bodega.platform;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One company's backup: a zip with one CSV per table and a manifest (versions, row counts, SHA-256 of each file),
 * written from one snapshot; and its import as a new company, on this or a later version of Bodega. Import is an
 * operator's action (the command line, the operator console), never a company's.
 */
public interface CompanyBackups {

    /**
     * {@code notes}: what the archive left out or emptied, and columns this version no longer has. Published as an
     * event once the import has committed: a module with a global lookup of its rows (they are not in a backup)
     * writes the new company's entries then.
     */
    record Imported(UUID tenantId, String slug, int tables, long rows, List<String> notes) {
    }

    /** Writes the company's archive to {@code out} (left open). */
    void export(UUID tenantId, OutputStream out);

    /**
     * Imports {@code archive} as a new company {@code slug}. A damaged or altered archive (checksums), one from a
     * newer schema or a taken slug is refused with a problem, and nothing is written.
     */
    Imported importCompany(Path archive, String slug);

    /** The company with this identifier, for an operator naming it. */
    Optional<UUID> companyId(String slug);
}
