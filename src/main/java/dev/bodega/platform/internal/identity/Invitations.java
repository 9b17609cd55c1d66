package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.internal.mail.Outbox;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Inviting by email (seed 004): the invited user is {@code pending_invitation} and cannot sign in until they follow
 * the mailed link, once and within 72 hours, and choose their name and password. Every step is in
 * invitation_audit_logs.
 */
@Service
class Invitations {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    static final Duration VALID_FOR = Duration.ofHours(72);

    record Invite(@NotBlank(message = "{users.email.required}") @Email(message = "{field.email.invalid}")
                  @Size(max = 254, message = "{field.too-long}") String email,
                  List<UUID> roleIds, UUID organizationId) {
    }

    record Acceptance(@NotBlank(message = "{users.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
                      @NotBlank(message = "{field.password.required}")
                      @Size(min = 8, max = 72, message = "{field.password.length}") String password) {
    }

    record InvitationView(UUID userId, String email, UUID invitedBy, Instant invitedAt, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Users users;
    private final UserAdmin admin;
    private final AccountTokens tokens;
    private final Outbox outbox;
    private final PasswordEncoder passwords;
    private final PartnerPeople partners;

    Invitations(JdbcClient jdbc, Users users, UserAdmin admin, AccountTokens tokens, Outbox outbox,
                PasswordEncoder passwords, PartnerPeople partners) {
        this.partners = partners;
        this.jdbc = jdbc;
        this.users = users;
        this.admin = admin;
        this.tokens = tokens;
        this.outbox = outbox;
        this.passwords = passwords;
    }

    @Transactional
    public InvitationView invite(Invite invite) {
        Actor actor = Actor.require();
        Set<UUID> roleIds = new java.util.LinkedHashSet<>(invite.roleIds() == null ? List.of() : invite.roleIds());
        Set<String> granted = admin.permissionsOf(roleIds);
        Grants.requireCovers(actor, granted);
        UUID organization = partners.organizationFor(actor, invite.organizationId());
        partners.requireRolesFit(organization, granted);
        if (organization == null) {
            admin.requireFreeSeat();
        }
        String email = UserAdmin.normalizeEmail(invite.email());
        UUID id;
        try {
            id = users.insertInvited(TenantContext.tenantId(), email, email.substring(0, email.indexOf('@')),
                    passwords.encode(unguessable()), actor.userId());
        } catch (DuplicateKeyException e) {
            throw Problems.of(PlatformProblem.EMAIL_TAKEN, "Another user already has the email " + email);
        }
        roleIds.forEach(role -> users.grantRole(TenantContext.tenantId(), id, role));
        if (organization != null) {
            users.joinOrganization(id, organization);
            partners.requireAdmin(organization);
        }
        mail(id, email, "invited", actor.userId());
        return view(id);
    }

    @Transactional
    public InvitationView resend(UUID userId) {
        InvitationView current = view(userId);
        mail(userId, current.email(), "resent", Actor.require().userId());
        return view(userId);
    }

    @Transactional(readOnly = true)
    public List<InvitationView> pending() {
        return jdbc.sql(SELECT + " ORDER BY u.created_at DESC").param("tenant", TenantContext.tenantId())
                .query(InvitationView.class).list();
    }

    /** The invited address behind a link; empty for an unknown, used or expired one (an expiry is logged once). */
    public Optional<String> emailFor(String token) {
        return tokens.inTenantOf(token, AccountTokens.Purpose.invitation, null, null,
                () -> usable(token).map(AccountTokens.Token::email));
    }

    /** Sets the user's name and password and makes them active; false when the link is not (or no longer) valid. */
    public boolean accept(String token, Acceptance acceptance, String clientIp, String userAgent) {
        return tokens.inTenantOf(token, AccountTokens.Purpose.invitation, clientIp, userAgent,
                () -> usable(token).filter(tokens::use).map(found -> {
                    jdbc.sql("""
                                    UPDATE users SET name = :name, password_hash = :hash, pending_invitation = false,
                                           verified = true, updated_at = now(), version = version + 1
                                    WHERE tenant_id = :tenant AND id = :id AND pending_invitation""")
                            .param("tenant", TenantContext.tenantId())
                            .param("name", acceptance.name().trim())
                            .param("hash", passwords.encode(acceptance.password()))
                            .param("id", found.userId()).update();
                    log(found.userId(), "accepted", found.userId());
                    return true;
                })).orElse(false);
    }

    /** A password nobody knows: the invited user has none until they accept. */
    private static String unguessable() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private Optional<AccountTokens.Token> usable(String token) {
        Optional<AccountTokens.Token> found = tokens.find(token, AccountTokens.Purpose.invitation)
                .filter(t -> t.usedAt() == null);
        if (found.isPresent() && tokens.expired(found.get())) {
            if (tokens.use(found.get())) {
                log(found.get().userId(), "expired", null);
            }
            return Optional.empty();
        }
        return found;
    }

    private void mail(UUID userId, String email, String action, UUID by) {
        String token = tokens.issue(userId, AccountTokens.Purpose.invitation, email, VALID_FOR);
        String company = jdbc.sql("SELECT name FROM tenants WHERE id = :id").param("id", TenantContext.tenantId())
                .query(String.class).single();
        outbox.send(email, Locale.forLanguageTag(tokens.companyLocale()), "invitation", "/invitations/" + token,
                company);
        log(userId, action, by);
    }

    private void log(UUID userId, String action, UUID by) {
        jdbc.sql("""
                        INSERT INTO invitation_audit_logs (tenant_id, id, user_id, action, performed_by)
                        VALUES (:tenant, :id, :user, :action, :by)""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next()).param("user", userId)
                .param("action", action).param("by", by).update();
    }

    private static final String SELECT = """
            SELECT u.id AS user_id, u.email, u.invited_by, u.created_at AS invited_at,
                   (SELECT max(t.expires_at) FROM account_tokens t
                    WHERE t.tenant_id = u.tenant_id AND t.user_id = u.id AND t.purpose = 'invitation'
                      AND t.used_at IS NULL) AS expires_at
            FROM users u WHERE u.tenant_id = :tenant AND u.pending_invitation AND u.deleted_at IS NULL""";

    private InvitationView view(UUID userId) {
        return jdbc.sql(SELECT + " AND u.id = :id").param("tenant", TenantContext.tenantId()).param("id", userId)
                .query(InvitationView.class).optional()
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }
}
