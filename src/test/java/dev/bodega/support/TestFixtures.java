package dev.bodega.support;

import dev.bodega.platform.Actor;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.internal.db.DatabaseEndpoint;
import dev.bodega.platform.internal.identity.ApiKeys;
import dev.bodega.platform.internal.identity.SignupService;
import org.springframework.boot.test.context.TestComponent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Creates tenants, users and API keys the way a real sign-up does. */
@TestComponent
public class TestFixtures {

    public static final String PASSWORD = "correct-horse-42";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A signed-up company: its admin, its default roles, and an admin API key ("*"). */
    public record Tenant(UUID id, String slug, UUID adminId, String adminEmail, Map<String, UUID> roles, String adminKey) {
    }

    private final SignupService signups;
    private final ApiKeys apiKeys;
    private final DatabaseEndpoint endpoint;
    private final TenantSettingsService settings;
    private final Clock clock;

    TestFixtures(SignupService signups, ApiKeys apiKeys, DatabaseEndpoint endpoint, TenantSettingsService settings,
                 Clock clock) {
        this.signups = signups;
        this.apiKeys = apiKeys;
        this.endpoint = endpoint;
        this.settings = settings;
        this.clock = clock;
    }

    /** The company's day now, as the product reckons it (its clock, the company's time zone), not UTC's date. */
    public LocalDate today(Tenant tenant) {
        return asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> settings.current().today(clock));
    }

    public Tenant tenant() {
        String slug = "t" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "admin@" + slug + ".test";
        var created = signups.signUp(new SignupService.Signup(slug, "Company " + slug, "Admin " + slug, email,
                PASSWORD, "es"), "127.0.0.1", "fixtures");
        String key = asUser(created.tenantId(), created.adminId(), Set.of("*"),
                () -> apiKeys.create("fixture", List.of("*"), null).key());
        return new Tenant(created.tenantId(), slug, created.adminId(), email, created.roles(), key);
    }

    /** Adds a user holding one of the tenant's roles ("admin", "manager", "seller", "technician", "viewer"). */
    public UUID user(Tenant tenant, String email, String role) {
        return signups.addUser(tenant.id(), email, "User " + email, PASSWORD, tenant.roles().get(role));
    }

    /** Adds a user of a partner organization holding a partner role ("partner_admin", "partner_user"). */
    public UUID partnerUser(Tenant tenant, UUID organizationId, String email, String role) {
        return signups.addPartnerUser(tenant.id(), organizationId, email, "User " + email, PASSWORD, role);
    }

    /** An API key of {@code userId} limited to {@code permissions}. */
    public String apiKey(Tenant tenant, UUID userId, Set<String> userPermissions, List<String> permissions) {
        return asUser(tenant.id(), userId, userPermissions, () -> apiKeys.create("test key", permissions, null).key());
    }

    /** Runs as a signed-in user, as a request would after authentication. */
    public static <T> T asUser(UUID tenantId, UUID userId, Set<String> permissions, Supplier<T> work) {
        Actor.set(new Actor(tenantId, userId, "test", "test@test", permissions, null, null));
        try {
            return TenantContext.callAs(new TenantContext.Scope(tenantId, userId, "127.0.0.1", "test"), work);
        } finally {
            Actor.set(null);
        }
    }

    /** Runs as a signed-in partner user: row-level security keeps it to its organization's rows. */
    public static <T> T asPartner(UUID tenantId, UUID userId, UUID organizationId, Set<String> permissions,
                                  Supplier<T> work) {
        Actor.set(new Actor(tenantId, userId, "test", "test@test", permissions, null, null, organizationId));
        try {
            return TenantContext.callAs(new TenantContext.Scope(tenantId, userId, "127.0.0.1", "test", organizationId),
                    work);
        } finally {
            Actor.set(null);
        }
    }

    /** A raw connection as the application role: row-level security applies, nothing else filters. */
    public Connection appConnection() throws SQLException {
        return DriverManager.getConnection(endpoint.url(), endpoint.appUser(), endpoint.appPassword());
    }
}
