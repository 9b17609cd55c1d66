package dev.bodega.platform.internal.identity;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Login with company slug, email and password. Five wrong passwords lock the
 * account for 15 minutes (seed 004); every outcome is a security event.
 * A failure commits its count: it is a result, not an exception.
 */
@Service
class LoginService {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    enum Outcome { SUCCESS, BAD_CREDENTIALS, LOCKED, TENANT_INACTIVE, PENDING_APPROVAL, REJECTED }

    /**
     * {@code passwordChangeRequired}: the user signed in with a temporary password; {@code rejectionReason}: why
     * an admin refused a person who asked to join (told only to whoever knows their password).
     */
    record Result(Outcome outcome, SignedInUser user, String locale, boolean passwordChangeRequired,
                  String rejectionReason) {
        static Result failed(Outcome outcome) {
            return new Result(outcome, null, null, false, null);
        }
    }

    private final Tenants tenants;
    private final Users users;
    private final SecurityEvents events;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Notifier notifier;
    private final Clock clock;
    // Compared against when the email is unknown, so timing does not reveal which emails exist.
    private final String decoyHash;

    LoginService(Tenants tenants, Users users, SecurityEvents events, PasswordEncoder passwords,
                 TransactionTemplate transactions, Notifier notifier, Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.events = events;
        this.passwords = passwords;
        this.transactions = transactions;
        this.notifier = notifier;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password");
    }

    Result login(String slug, String email, String password, String clientIp, String userAgent) {
        Optional<Tenants.TenantRef> tenant = tenants.findBySlug(normalize(slug));
        if (tenant.isEmpty()) {
            passwords.matches(password, decoyHash);
            return Result.failed(Outcome.BAD_CREDENTIALS);
        }
        var scope = new TenantContext.Scope(tenant.get().id(), null, clientIp, userAgent);
        return TenantContext.callAs(scope, () -> transactions.execute(tx -> check(tenant.get(), email, password)));
    }

    private Result check(Tenants.TenantRef tenant, String email, String password) {
        Optional<Users.Credentials> found = users.credentialsForUpdate(normalize(email));
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            events.record(Type.LOGIN_FAILURE, Risk.low, null, "unknown email " + normalize(email));
            return Result.failed(Outcome.BAD_CREDENTIALS);
        }
        Users.Credentials user = found.get();
        Instant now = clock.instant();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            events.record(Type.LOGIN_FAILURE, Risk.medium, user.id(), "account locked");
            return Result.failed(Outcome.LOCKED);
        }
        if (!passwords.matches(password, user.passwordHash())) {
            return wrongPassword(tenant, user, normalize(email), now);
        }
        if (!user.active()) {
            events.record(Type.LOGIN_FAILURE, Risk.low, user.id(), "user deactivated");
            return Result.failed(Outcome.BAD_CREDENTIALS);
        }
        if (!user.approved()) {
            boolean rejected = user.rejectionReason() != null;
            events.record(Type.LOGIN_FAILURE, Risk.low, user.id(), rejected ? "join rejected" : "awaiting approval");
            return rejected ? new Result(Outcome.REJECTED, null, null, false, user.rejectionReason())
                    : Result.failed(Outcome.PENDING_APPROVAL);
        }
        if (!tenant.active()) {
            events.record(Type.LOGIN_FAILURE, Risk.medium, user.id(), "company " + tenant.status());
            return Result.failed(Outcome.TENANT_INACTIVE);
        }
        users.recordSuccess(user.id(), now);
        events.record(Type.LOGIN_SUCCESS, Risk.low, user.id(), null);
        return new Result(Outcome.SUCCESS, new SignedInUser(tenant.id(), user.id(), normalize(email)), tenant.locale(),
                user.passwordChangeRequired(), null);
    }

    private Result wrongPassword(Tenants.TenantRef tenant, Users.Credentials user, String email, Instant now) {
        int failed = user.failedAttempts() + 1;
        if (failed < MAX_FAILED_ATTEMPTS) {
            users.recordFailure(user.id(), failed, null);
            events.record(Type.LOGIN_FAILURE, failed >= 3 ? Risk.medium : Risk.low, user.id(), "wrong password");
            return Result.failed(Outcome.BAD_CREDENTIALS);
        }
        users.recordFailure(user.id(), 0, now.plus(LOCKOUT));
        events.record(Type.ACCOUNT_LOCKED, Risk.high, user.id(), MAX_FAILED_ATTEMPTS + " wrong passwords");
        notifier.notifyAdmins("notification.locked.title", "notification.locked.message", user.id(), email,
                Locale.forLanguageTag(tenant.locale()));
        return Result.failed(Outcome.LOCKED);
    }

    static String normalize(String text) {
        return text == null ? "" : text.trim().toLowerCase();
    }
}
