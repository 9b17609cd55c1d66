package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** One-use secrets sent by mail (invitation, password reset, email verification); only their hash is stored. */
@Repository
class AccountTokens {

    enum Purpose { invitation, password_reset, email_verification }

    record Token(UUID tenantId, UUID id, UUID userId, String email, Instant expiresAt, Instant usedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AccountTokens(JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} in one transaction inside the tenant the token belongs to (so audit and security events
     * name it); empty when no token has this secret.
     */
    <T> Optional<T> inTenantOf(String token, Purpose purpose, String clientIp, String userAgent,
                               Supplier<Optional<T>> work) {
        Optional<UUID> tenant = transactions.execute(tx -> tenantOf(token));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        var scope = new TenantContext.Scope(tenant.get(), null, clientIp, userAgent);
        return TenantContext.callAs(scope, () -> transactions.execute(tx -> work.get()));
    }

    /** The token if it is neither used nor expired. */
    Optional<Token> usable(String token, Purpose purpose) {
        return find(token, purpose).filter(t -> t.usedAt() == null && !expired(t));
    }

    /** A new token for the user; earlier unused tokens of the same purpose stop working. Returns the secret. */
    String issue(UUID userId, Purpose purpose, String email, Duration validFor) {
        jdbc.sql("""
                        UPDATE account_tokens SET used_at = now()
                        WHERE tenant_id = :tenant AND user_id = :user AND purpose = :purpose AND used_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("user", userId).param("purpose", purpose.name()).update();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO account_tokens (tenant_id, id, user_id, purpose, token_hash, email, expires_at)
                        VALUES (:tenant, :id, :user, :purpose, :hash, :email, :expires)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("user", userId)
                .param("purpose", purpose.name()).param("hash", ApiKeys.hash(token)).param("email", email)
                .param("expires", Timestamp.from(clock.instant().plus(validFor)))
                .update();
        jdbc.sql("INSERT INTO account_token_lookup (token_hash, tenant, token_id) VALUES (:hash, :tenant, :id)")
                .param("hash", ApiKeys.hash(token)).param("tenant", TenantContext.tenantId()).param("id", id)
                .update();
        return token;
    }

    /** The company of a token, from the global lookup, before any company is known. */
    private Optional<UUID> tenantOf(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant FROM account_token_lookup WHERE token_hash = :hash")
                .param("hash", ApiKeys.hash(token)).query(UUID.class).optional();
    }

    /** The current company's token with this secret. */
    Optional<Token> find(String token, Purpose purpose) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT tenant_id, id, user_id, email, expires_at, used_at FROM account_tokens
                        WHERE tenant_id = :tenant AND token_hash = :hash AND purpose = :purpose""")
                .param("tenant", TenantContext.tenantId()).param("hash", ApiKeys.hash(token))
                .param("purpose", purpose.name())
                .query((rs, n) -> new Token(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getString("email"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    private static boolean wellFormed(String token) {
        return token != null && token.matches("[0-9a-f]{64}");
    }

    boolean expired(Token token) {
        return !token.expiresAt().isAfter(clock.instant());
    }

    /** Uses the token once: false when it was already used (a second click, or a race). */
    boolean use(Token token) {
        return jdbc.sql("""
                        UPDATE account_tokens SET used_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND used_at IS NULL""")
                .param("tenant", TenantContext.tenantId())
                .param("id", token.id()).update() == 1;
    }

    String companyLocale() {
        return jdbc.sql("SELECT locale FROM tenants WHERE id = :id").param("id", TenantContext.tenantId())
                .query(String.class).single();
    }
}
