package dev.bodega.platform.internal.identity;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Asking to join a company by its join link (seed 003 user approval): the person becomes a user awaiting approval,
 * with no role, and the company's admins are told. The link is a random secret an admin can replace.
 */
@Service
class Joining {

    record Request(String name, String email, String password) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tenants tenants;
    private final Users users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Notifications notifications;
    private final MessageSource messages;

    Joining(Tenants tenants, Users users, PasswordEncoder passwords, TransactionTemplate transactions,
            Notifications notifications, MessageSource messages) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.notifications = notifications;
        this.messages = messages;
    }

    /** The active company this link joins; empty for an unknown or replaced link. */
    Optional<Tenants.TenantRef> company(String token) {
        if (token == null || token.length() < 32 || token.length() > 64) {
            return Optional.empty();
        }
        return tenants.findByJoinToken(token).filter(Tenants.TenantRef::active);
    }

    /** Throws 404 for an unknown link and a 409 problem when the email is taken. */
    UUID join(String token, Request request, String clientIp, String userAgent) {
        Tenants.TenantRef company = company(token).orElseThrow(() -> new NotFoundException("Join link"));
        var scope = new TenantContext.Scope(company.id(), null, clientIp, userAgent);
        try {
            return TenantContext.callAs(scope, () -> transactions.execute(tx -> {
                String email = UserAdmin.normalizeEmail(request.email());
                UUID id = users.insertPending(company.id(), email, request.name().trim(),
                        passwords.encode(request.password()));
                notifyAdmins(id, request.name().trim(), email, Locale.forLanguageTag(company.locale()));
                return id;
            }));
        } catch (DuplicateKeyException e) {
            throw Problems.of(PlatformProblem.EMAIL_TAKEN, "Another user already has this email");
        }
    }

    @Transactional(readOnly = true)
    public String link() {
        return "/join/" + tenants.joinToken(TenantContext.tenantId());
    }

    /** A new link; the old one stops working at once. */
    @Transactional
    public String replaceLink() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        tenants.replaceJoinToken(TenantContext.tenantId(), HexFormat.of().formatHex(secret));
        return link();
    }

    private void notifyAdmins(UUID userId, String name, String email, Locale locale) {
        String title = messages.getMessage("notification.pendingApproval.title", null, locale);
        String message = messages.getMessage("notification.pendingApproval.message", new Object[] {name, email}, locale);
        for (UUID admin : users.admins()) {
            notifications.send(NotificationType.USER_PENDING_APPROVAL,
                    new Notifications.Notice(admin, title, message, "info", "normal", "/users/" + userId));
        }
    }
}
