package dev.bodega.platform.internal.backup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code manifest.json}, the last entry of a company's backup: where it came from, the schema it was written by, and
 * each table's file with its row count and SHA-256, plus what was left out or emptied and why.
 */
record Manifest(String format, String bodegaVersion, String schemaVersion, String exportedAt, Company company,
                List<TableFile> tables, Map<String, String> leftOut, Map<String, String> emptied) {

    static final String FORMAT = "bodega-company-backup/1";
    static final String FILE = "manifest.json";

    record Company(UUID id, String slug, String name) {
    }

    record TableFile(String table, String file, long rows, String sha256) {
    }

    static String fileOf(String table) {
        return "tables/" + table + ".csv";
    }
}
