package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.mail.Outbox;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Changing one's own address: it waits in pending_email until the link mailed to the new address is followed. */
@Service
class EmailChange {

    static final Duration VALID_FOR = Duration.ofHours(24);

    record Request(@NotBlank(message = "{users.email.required}") @Email(message = "{field.email.invalid}")
                   @Size(max = 254, message = "{field.too-long}") String email) {
    }

    private final JdbcClient jdbc;
    private final AccountTokens tokens;
    private final Outbox outbox;
    private final AuthChanges authChanges;

    EmailChange(JdbcClient jdbc, AccountTokens tokens, Outbox outbox, AuthChanges authChanges) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.outbox = outbox;
        this.authChanges = authChanges;
    }

    record Current(String email, String pendingEmail) {
    }

    @Transactional(readOnly = true)
    public Current current() {
        return jdbc.sql("SELECT email, pending_email FROM users WHERE id = :id")
                .param("id", Actor.require().userId()).query(Current.class).single();
    }

    @Transactional
    public void request(Request request) {
        Actor actor = Actor.require();
        String email = UserAdmin.normalizeEmail(request.email());
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email = :email AND deleted_at IS NULL)")
                .param("email", email).query(Boolean.class).single();
        if (taken) {
            throw emailTaken();
        }
        jdbc.sql("UPDATE users SET pending_email = :email, updated_at = now() WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", TenantContext.tenantId())
                .param("email", email).param("id", actor.userId()).update();
        String token = tokens.issue(actor.userId(), AccountTokens.Purpose.email_verification, email, VALID_FOR);
        outbox.send(email, Locale.forLanguageTag(tokens.companyLocale()), "emailVerification",
                "/email-verification/" + token);
    }

    /** The new address, once confirmed; empty when the link is unknown, used, expired or superseded. */
    Optional<String> confirm(String token, String clientIp, String userAgent) {
        try {
            return tokens.inTenantOf(token, AccountTokens.Purpose.email_verification, clientIp, userAgent,
                    () -> tokens.usable(token, AccountTokens.Purpose.email_verification).filter(tokens::use)
                            .filter(found -> jdbc.sql("""
                                            UPDATE users SET email = pending_email, pending_email = NULL,
                                                   verified = true, updated_at = now(), version = version + 1
                                            WHERE tenant_id = :tenant AND id = :id AND pending_email = :email""")
                                    .param("tenant", TenantContext.tenantId())
                                    .param("id", found.userId()).param("email", found.email()).update() == 1)
                            .map(confirmed -> {
                                authChanges.madeHere();
                                return confirmed.email();
                            }));
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
    }

    private static RuntimeException emailTaken() {
        return Problems.of(PlatformProblem.EMAIL_TAKEN, "Another user already has this email");
    }
}
