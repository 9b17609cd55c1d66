package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Permissions;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.db.TenantTransactionManager;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * API keys (seed 002): 256 random bits shown once; only a SHA-256 hash is
 * stored (a slow hash buys nothing against a secret this long), with a
 * visible prefix to tell keys apart.
 */
@Service
public class ApiKeys {

    public record Created(UUID id, String key, String prefix) {
    }

    public record KeyView(UUID id, UUID userId, String name, String prefix, List<String> permissions,
                          Instant expiresAt, Instant lastUsedAt, Instant revokedAt, Instant createdAt) {
    }

    private record Stored(UUID tenantId, UUID id, UUID userId, String[] permissions, Instant expiresAt,
                          Instant revokedAt, boolean useIsStale, Users.Standing standing) {
        Stored with(Users.Standing standing) {
            return new Stored(tenantId, id, userId, permissions, expiresAt, revokedAt, useIsStale, standing);
        }
    }

    /** A key read from the database, trusted while no change to keys or roles has been heard since. */
    private record Remembered(Stored key, long epoch, Instant readAt) {
    }

    /** A hash's row in the global lookup: the company and the key. */
    private record KeyRef(UUID tenant, UUID keyId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Last use is written when a key is read again, so it stays within about two minutes of the truth. */
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;
    private static final String KEY_COLUMNS = "id, user_id, name, prefix, permissions, expires_at, last_used_at, revoked_at, created_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SecurityEvents events;
    private final Users users;
    private final Clock clock;
    private final AuthChanges changes;
    private final Map<String, Remembered> memory = new ConcurrentHashMap<>();
    private final Counter fromMemory;
    private final Counter fromDatabase;

    ApiKeys(JdbcClient jdbc, TransactionTemplate transactions, SecurityEvents events, Users users, Clock clock,
            AuthChanges changes, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.fromMemory = meters.counter("bodega.api_keys.reads", "from", "memory");
        this.fromDatabase = meters.counter("bodega.api_keys.reads", "from", "database");
        this.users = users;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a key for the current user, never granting more than the user holds. */
    @Transactional
    public Created create(String name, List<String> permissions, Instant expiresAt) {
        Actor actor = Actor.require();
        if (name == null || name.isBlank()) {
            throw Problems.of(PlatformProblem.INVALID_KEY_REQUEST, "A key needs a name");
        }
        if (permissions == null || permissions.isEmpty()) {
            throw Problems.of(PlatformProblem.INVALID_KEY_REQUEST, "A key needs at least one permission");
        }
        for (String permission : permissions) {
            if (!Permissions.isValidPattern(permission)) {
                throw Problems.of(PlatformProblem.INVALID_PERMISSION, "'" + permission + "' is not a permission pattern");
            }
            if (!Permissions.covers(actor.permissions(), permission)
                    || (actor.apiKeyPermissions() != null && !Permissions.covers(actor.apiKeyPermissions(), permission))) {
                throw Problems.of(PlatformProblem.FORBIDDEN, "You cannot grant '" + permission + "': you do not hold it");
            }
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw Problems.of(PlatformProblem.INVALID_KEY_REQUEST, "The expiry must be in the future");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "bdg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = key.substring(0, 12);
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO api_keys (tenant_id, id, user_id, name, prefix, key_hash, permissions, expires_at)
                        VALUES (:tenant, :id, :user, :name, :prefix, :hash, :permissions, :expires)""")
                .param("tenant", actor.tenantId()).param("id", id).param("user", actor.userId())
                .param("name", name.trim()).param("prefix", prefix).param("hash", hash(key))
                .param("permissions", permissions.toArray(String[]::new))
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt))
                .update();
        jdbc.sql("INSERT INTO api_key_lookup (key_hash, tenant, key_id) VALUES (:hash, :tenant, :id)")
                .param("hash", hash(key)).param("tenant", actor.tenantId()).param("id", id).update();
        events.record(Type.API_KEY_CREATED, Risk.medium, actor.userId(), prefix + " " + name.trim());
        return new Created(id, key, prefix);
    }

    /** The current user's keys; with {@code apikeys.manage}, every key of the tenant. */
    @Transactional(readOnly = true)
    public CursorPage<KeyView> list(UUID before, int limit) {
        Actor actor = Actor.require();
        List<KeyView> rows = jdbc.sql("SELECT " + KEY_COLUMNS + """
                         FROM api_keys WHERE (:all OR user_id = :user)
                          AND (CAST(:before AS uuid) IS NULL OR id < :before)
                        ORDER BY id DESC LIMIT :limit""")
                .param("all", actor.can("apikeys.manage")).param("user", actor.userId())
                .param("before", before).param("limit", limit + 1)
                .query(ApiKeys::keyView).list();
        return CursorPage.of(rows, limit, KeyView::id);
    }

    @Transactional(readOnly = true)
    public KeyView get(UUID id) {
        Actor actor = Actor.require();
        return jdbc.sql("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE id = :id AND (:all OR user_id = :user)")
                .param("id", id).param("all", actor.can("apikeys.manage")).param("user", actor.userId())
                .query(ApiKeys::keyView).optional()
                .orElseThrow(() -> new NotFoundException("API key"));
    }

    @Transactional
    public void revoke(UUID id) {
        KeyView key = get(id);
        Actor actor = Actor.require();
        jdbc.sql("""
                        UPDATE api_keys SET revoked_at = now(), revoked_by = :by
                        WHERE tenant_id = :tenant AND id = :id AND revoked_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("by", actor.userId()).param("id", id).update();
        changes.madeHere();
        events.record(Type.API_KEY_REVOKED, Risk.medium, actor.userId(), key.prefix() + " " + key.name());
    }

    /**
     * Resolves a Bearer token to its tenant, user, permissions and the user's standing; empty if unknown,
     * revoked or expired. Served from memory while {@link AuthChanges} listens and nothing changed since the key
     * was read; otherwise read in one transaction ({@link #read(String, String, String)}).
     */
    Optional<ApiKeyAuthentication> authenticate(String token, String clientIp, String userAgent) {
        String hash = hash(token);
        Instant now = clock.instant();
        Stored key = remembered(hash, now);
        if (key == null) {
            fromDatabase.increment();
            long epoch = changes.epoch();
            key = read(hash, clientIp, userAgent).orElse(null);
            if (key == null) {
                return Optional.empty();
            }
            remember(hash, key, epoch, now);
        } else {
            fromMemory.increment();
        }
        if (key.revokedAt() != null || (key.expiresAt() != null && !key.expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyAuthentication(key.tenantId(), key.userId(), key.id(), Set.of(key.permissions()),
                key.standing()));
    }

    private Stored remembered(String hash, Instant now) {
        Remembered remembered = memory.get(hash);
        boolean current = remembered != null && remembered.epoch() == changes.epoch()
                && remembered.readAt().plus(REMEMBERED_FOR).isAfter(now);
        return current ? remembered.key() : null;
    }

    /** Read at the given epoch: a change heard during the read already makes it stale. */
    private void remember(String hash, Stored key, long epoch, Instant now) {
        if (epoch < 0) {
            return;
        }
        if (memory.size() >= MAX_REMEMBERED) {
            memory.clear();
        }
        memory.put(hash, new Remembered(key, epoch, now));
    }

    /**
     * The key a hash names, in one transaction: the global lookup names the key's company, the transaction enters
     * it (the settings a transaction begun there has), reads the key with its user's standing and, when last use
     * is over a minute old, enters as the key's user to write it.
     */
    private Optional<Stored> read(String hash, String clientIp, String userAgent) {
        return transactions.execute(tx -> jdbc.sql("SELECT tenant, key_id FROM api_key_lookup WHERE key_hash = :hash")
                .param("hash", hash).query(KeyRef.class).optional()
                .flatMap(ref -> within(TenantContext.Scope.system(ref.tenant()), () -> read(ref)))
                .map(key -> !key.useIsStale() ? key
                        : within(new TenantContext.Scope(key.tenantId(), key.userId(), clientIp, userAgent), () -> {
                            markUsed(key);
                            return key;
                        })));
    }

    /** Work in the open transaction as in one begun in {@code scope}. */
    private <T> T within(TenantContext.Scope scope, Supplier<T> work) {
        jdbc.sql(TenantTransactionManager.enter(scope)).update();
        return TenantContext.callAs(scope, work);
    }

    private Optional<Stored> read(KeyRef ref) {
        return jdbc.sql("""
                        SELECT tenant_id, id, user_id, permissions, expires_at, revoked_at,
                               last_used_at IS NULL OR last_used_at < now() - interval '1 minute' AS use_is_stale
                        FROM api_keys WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", ref.tenant()).param("id", ref.keyId())
                .query((rs, n) -> new Stored(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class), (String[]) rs.getArray("permissions").getArray(),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                        rs.getBoolean("use_is_stale"), null))
                .optional()
                .map(key -> key.with(users.standing(ref.tenant(), key.userId()).orElse(null)));
    }

    /** Last use is kept to the minute, so a busy key does not write on every request. */
    private void markUsed(Stored key) {
        int updated = jdbc.sql("""
                        UPDATE api_keys SET last_used_at = now()
                        WHERE tenant_id = :tenant AND id = :id
                          AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
                .param("tenant", TenantContext.tenantId())
                .param("id", key.id()).update();
        if (updated == 1) {
            events.record(Type.API_KEY_USED, Risk.low, key.userId(), null);
        }
    }

    /** Explicit, because no generic mapper turns a {@code text[]} into a {@code List<String>}. */
    private static KeyView keyView(ResultSet rs, int row) throws SQLException {
        return new KeyView(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
                rs.getString("prefix"), List.of((String[]) rs.getArray("permissions").getArray()),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("created_at")));
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
