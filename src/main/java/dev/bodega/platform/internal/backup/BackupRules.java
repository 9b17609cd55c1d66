package dev.bodega.platform.internal.backup;

import java.util.Map;
import java.util.Optional;

/**
 * What a company's backup leaves out or changes, and why. Everything else travels as it is: ids stay (every tenant
 * table's key starts with {@code tenant_id}, so the same ids under a new company cannot collide, even when one
 * archive is imported twice), and only values that are unique across the whole database are made anew.
 */
final class BackupRules {

    /** Tables that do not travel, with the reason written into the manifest. */
    static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry("api_keys", "API keys are credentials of the original company (their hashes are unique in a "
                    + "database); the admin creates new ones"),
            Map.entry("account_tokens", "invitation, password-reset and verification links are one-use secrets sent "
                    + "by mail"),
            Map.entry("idempotency_keys", "replies kept for clients retrying a request; the copy has no such clients"),
            Map.entry("mail_outbox", "mail queued or sent for the original company; importing it would send it again"),
            Map.entry("message_outbox", "messages waiting for a channel; importing them would send them to customers "
                    + "again"),
            Map.entry("operator_access_grants", "access this server's operators were given to the company's data"),
            Map.entry("operator_access_uses", "what this server's operators read with that access"));

    /** Columns written empty: values encrypted with this server's key and bound to the company's id. */
    static final Map<String, String> EMPTIED = Map.of(
            "integrations.credentials", "channel credentials are encrypted with this server's key for this company; "
                    + "enter them again after the import");

    /** A random secret like those the schema makes: unique across the database, so the copy gets its own. */
    static final String NEW_TOKEN = "replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')";

    /** Columns given a new value on import (an SQL expression; {@code :slug} is the new company's identifier). */
    static final Map<String, String> ON_IMPORT = Map.of(
            "tenants.slug", ":slug",
            "tenants.domain", "NULL",
            "tenants.join_token", NEW_TOKEN,
            "integrations.status", "'inactive'",
            "vehicle_orders.tracking_token", NEW_TOKEN);

    private BackupRules() {
    }

    static boolean travels(String table) {
        return !LEFT_OUT.containsKey(table);
    }

    static boolean emptied(String table, String column) {
        return EMPTIED.containsKey(table + "." + column);
    }

    static Optional<String> onImport(String table, String column) {
        return Optional.ofNullable(ON_IMPORT.get(table + "." + column));
    }
}
