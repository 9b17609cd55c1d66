package dev.bodega.platform.internal.webhooks;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.SecretHolder;
import dev.bodega.platform.Secrets;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The company's webhook endpoints (seed 002 webhooks): where its events go, which types, and the secret that signs
 * them (encrypted at rest, shown only when made). A rotation keeps the previous secret signing for {@link #OVERLAP}.
 */
@Service
public class Endpoints implements SecretHolder {

    static final String PURPOSE = "webhook-secret";
    static final Duration OVERLAP = Duration.ofHours(24);

    public record Endpoint(UUID id, String url, String description, List<String> eventTypes, boolean active,
                           String disabledReason, int maxRetries, int timeoutSeconds, long successCount,
                           long failureCount, Instant lastDeliveryAt, Instant createdAt, long version) {
    }

    /** What a person edits; null retries and timeout take the seed's defaults (3, 30 s). */
    public record Settings(String url, String description, List<String> eventTypes, Boolean active,
                           Integer maxRetries, Integer timeoutSeconds) {
    }

    /** An endpoint with its secret, in the answer that made or rotated it only. */
    public record WithSecret(Endpoint endpoint, String secret) {
    }

    private static final String COLUMNS = """
            id, url, description, event_types, active, disabled_reason, max_retries, timeout_seconds, success_count,
            failure_count, last_delivery_at, created_at, version""";

    private final JdbcClient jdbc;
    private final Secrets secrets;
    private final AddressPolicy addresses;

    Endpoints(JdbcClient jdbc, Secrets secrets, AddressPolicy addresses) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.addresses = addresses;
    }

    @Transactional(readOnly = true)
    public CursorPage<Endpoint> list(UUID cursor, int limit) {
        List<Endpoint> rows = jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = :tenant"
                        + " AND (CAST(:cursor AS uuid) IS NULL OR id > :cursor) ORDER BY id LIMIT :limit")
                .param("tenant", TenantContext.tenantId()).param("cursor", cursor).param("limit", limit + 1)
                .query(Endpoints::endpoint).list();
        return CursorPage.of(rows, limit, Endpoint::id);
    }

    @Transactional(readOnly = true)
    public Endpoint get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Webhook endpoint"));
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Endpoints::endpoint).optional();
    }

    @Transactional
    public WithSecret create(Settings settings) {
        Settings checked = check(settings);
        UUID id = Ids.next();
        UUID tenant = TenantContext.tenantId();
        String secret = Signatures.newSecret();
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (tenant_id, id, url, description, event_types, secret, active,
                                                       max_retries, timeout_seconds, created_by)
                        VALUES (:tenant, :id, :url, :description, :types, :secret, :active, :retries, :timeout, :user)""")
                .param("tenant", tenant).param("id", id).param("url", checked.url())
                .param("description", checked.description()).param("types", checked.eventTypes().toArray(String[]::new))
                .param("secret", secrets.encryptText(tenant, PURPOSE, secret)).param("active", checked.active())
                .param("retries", checked.maxRetries()).param("timeout", checked.timeoutSeconds())
                .param("user", TenantContext.userId().orElse(null)).update();
        return new WithSecret(get(id), secret);
    }

    /** Saves the settings; switching an endpoint back on clears why the system had switched it off. */
    @Transactional
    public Endpoint update(UUID id, Long version, Settings settings) {
        Versions.check(version, get(id).version());
        Settings checked = check(settings);
        int changed = jdbc.sql("""
                        UPDATE webhook_endpoints SET url = :url, description = :description, event_types = :types,
                               active = :active, max_retries = :retries, timeout_seconds = :timeout,
                               disabled_reason = CASE WHEN :active THEN NULL ELSE disabled_reason END,
                               updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                .param("url", checked.url()).param("description", checked.description())
                .param("types", checked.eventTypes().toArray(String[]::new)).param("active", checked.active())
                .param("retries", checked.maxRetries()).param("timeout", checked.timeoutSeconds())
                .param("tenant", TenantContext.tenantId()).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        jdbc.sql("DELETE FROM webhook_endpoints WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
    }

    /** A new secret; the previous one keeps signing beside it for {@link #OVERLAP}. */
    @Transactional
    public WithSecret rotate(UUID id) {
        get(id);
        UUID tenant = TenantContext.tenantId();
        String secret = Signatures.newSecret();
        jdbc.sql("""
                        UPDATE webhook_endpoints SET previous_secret = secret, secret = :secret,
                               previous_secret_until = now() + make_interval(secs => :overlap),
                               updated_at = now(), version = version + 1
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("secret", secrets.encryptText(tenant, PURPOSE, secret)).param("overlap", OVERLAP.toSeconds())
                .param("tenant", tenant).param("id", id).update();
        return new WithSecret(get(id), secret);
    }

    /** The secrets that sign now: the current one, and the previous one during its overlap. */
    List<String> signingSecrets(UUID tenant, byte[] current, byte[] previous, Instant previousUntil) {
        String now = secrets.decryptText(tenant, PURPOSE, current);
        if (previous == null || previousUntil == null || previousUntil.isBefore(Instant.now())) {
            return List.of(now);
        }
        return List.of(now, secrets.decryptText(tenant, PURPOSE, previous));
    }

    @Override
    public int reencrypt(Secrets with) {
        UUID tenant = TenantContext.tenantId();
        record Row(UUID id, byte[] secret, byte[] previousSecret) {
        }
        List<Row> rows = jdbc.sql("SELECT id, secret, previous_secret FROM webhook_endpoints WHERE tenant_id = :tenant")
                .param("tenant", tenant).query(Row.class).list();
        for (Row row : rows) {
            jdbc.sql("UPDATE webhook_endpoints SET secret = :secret, previous_secret = :previous "
                            + "WHERE tenant_id = :tenant AND id = :id")
                    .param("secret", with.reencrypt(tenant, PURPOSE, row.secret()))
                    .param("previous", row.previousSecret() == null ? null
                            : with.reencrypt(tenant, PURPOSE, row.previousSecret()))
                    .param("tenant", tenant).param("id", row.id()).update();
        }
        return rows.size();
    }

    private Settings check(Settings s) {
        String url = addresses.check(s.url()).toString();
        List<String> types = List.copyOf(new LinkedHashSet<>(s.eventTypes() == null ? List.of() : s.eventTypes()));
        if (types.isEmpty()) {
            throw Problems.of(WebhookProblem.UNKNOWN_EVENT_TYPE, "Subscribe the endpoint to at least one event type");
        }
        types.stream().filter(type -> !EventTypes.ALL.contains(type)).findFirst().ifPresent(type -> {
            throw Problems.of(WebhookProblem.UNKNOWN_EVENT_TYPE, "Unknown event type '" + type + "'; known: "
                    + String.join(", ", EventTypes.ALL));
        });
        int retries = s.maxRetries() == null ? 3 : s.maxRetries();
        int timeout = s.timeoutSeconds() == null ? 30 : s.timeoutSeconds();
        if (retries < 0 || retries > 10 || timeout < 1 || timeout > 60) {
            throw Problems.of(WebhookProblem.INVALID_SETTINGS, "Retries go from 0 to 10, the timeout from 1 to 60 s");
        }
        String description = s.description() == null || s.description().isBlank() ? null : s.description().trim();
        if (description != null && description.length() > 200) {
            throw Problems.of(WebhookProblem.INVALID_SETTINGS, "The description is at most 200 characters");
        }
        return new Settings(url, description, types, s.active() == null || s.active(), retries, timeout);
    }

    static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_delivery_at");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
                List.of((String[]) rs.getArray("event_types").getArray()), rs.getBoolean("active"),
                rs.getString("disabled_reason"), rs.getInt("max_retries"), rs.getInt("timeout_seconds"),
                rs.getLong("success_count"), rs.getLong("failure_count"), last == null ? null : last.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }
}
