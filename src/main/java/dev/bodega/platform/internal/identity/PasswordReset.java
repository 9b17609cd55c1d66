package dev.bodega.platform.internal.identity;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import dev.bodega.platform.internal.mail.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Password reset by email: a request answers the same whether or not the address exists, and takes at least
 * {@link #MIN_ANSWER} either way so its timing tells nothing either; the mailed link works once, for an hour, and
 * ends the user's sessions.
 */
@Service
class PasswordReset {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final Duration MIN_ANSWER = Duration.ofMillis(300);

    private final Tenants tenants;
    private final JdbcClient jdbc;
    private final AccountTokens tokens;
    private final Outbox outbox;
    private final PasswordEncoder passwords;
    private final SecurityEvents events;
    private final UserSessions sessions;
    private final TransactionTemplate transactions;

    PasswordReset(Tenants tenants, JdbcClient jdbc, AccountTokens tokens, Outbox outbox, PasswordEncoder passwords,
                  SecurityEvents events, UserSessions sessions, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.outbox = outbox;
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    /** Mails a reset link when the company has an active user with this address; silent otherwise. */
    void request(String company, String email, String clientIp, String userAgent) {
        long started = System.nanoTime();
        tenants.findBySlug(LoginService.normalize(company)).filter(Tenants.TenantRef::active).ifPresent(tenant ->
                TenantContext.runAs(new TenantContext.Scope(tenant.id(), null, clientIp, userAgent),
                        () -> transactions.executeWithoutResult(tx -> mailIfKnown(tenant, LoginService.normalize(email)))));
        long remaining = MIN_ANSWER.toNanos() - (System.nanoTime() - started);
        if (remaining > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the link may still be used (the page asks before showing its form). */
    boolean usable(String token) {
        return tokens.inTenantOf(token, AccountTokens.Purpose.password_reset, null, null,
                () -> tokens.usable(token, AccountTokens.Purpose.password_reset).map(t -> true)).orElse(false);
    }

    /** Sets the new password; false when the link is unknown, used or expired. */
    boolean reset(String token, String newPassword, String clientIp, String userAgent) {
        return tokens.inTenantOf(token, AccountTokens.Purpose.password_reset, clientIp, userAgent,
                () -> tokens.usable(token, AccountTokens.Purpose.password_reset).filter(tokens::use).map(found -> {
                    jdbc.sql("""
                                    UPDATE users SET password_hash = :hash, password_change_required = false,
                                           failed_attempts = 0, locked_until = NULL, updated_at = now()
                                    WHERE tenant_id = :tenant AND id = :id""")
                            .param("tenant", TenantContext.tenantId())
                            .param("hash", passwords.encode(newPassword)).param("id", found.userId()).update();
                    events.record(Type.PASSWORD_CHANGED, Risk.medium, found.userId(), "reset by email");
                    UUID tenantId = TenantContext.tenantId();
                    AfterCommit.run(() -> sessions.endAll(tenantId, found.userId(), null, "password reset"));
                    return true;
                })).orElse(false);
    }

    private void mailIfKnown(Tenants.TenantRef tenant, String email) {
        Optional<UUID> user = jdbc.sql("""
                        SELECT id FROM users
                        WHERE email = :email AND active AND approved AND NOT pending_invitation AND deleted_at IS NULL""")
                .param("email", email).query(UUID.class).optional();
        user.ifPresent(id -> {
            String token = tokens.issue(id, AccountTokens.Purpose.password_reset, email, VALID_FOR);
            outbox.send(email, Locale.forLanguageTag(tenant.locale()), "passwordReset", "/password-reset/" + token,
                    tenant.name());
        });
    }
}
