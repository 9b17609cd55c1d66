package dev.bodega.platform;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Who acts, for which tenant, from where. Set once per request (or job) and
 * written into every database transaction, where row-level security and the
 * audit trigger read it.
 */
public final class TenantContext {

    /**
     * {@code partnerId} is the partner organization of a partner user (null for the company's staff and for jobs):
     * row-level security keeps such a user to its organization's rows.
     */
    public record Scope(UUID tenantId, UUID userId, String clientIp, String userAgent, UUID partnerId) {
        public Scope(UUID tenantId, UUID userId, String clientIp, String userAgent) {
            this(tenantId, userId, clientIp, userAgent, null);
        }

        public static Scope system(UUID tenantId) {
            return new Scope(tenantId, null, null, null);
        }

        public Scope withPartner(UUID organizationId) {
            return new Scope(tenantId, userId, clientIp, userAgent, organizationId);
        }
    }

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Scope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID tenantId() {
        return current().map(Scope::tenantId)
                .orElseThrow(() -> new IllegalStateException("No tenant in this context"));
    }

    public static Optional<UUID> userId() {
        return current().map(Scope::userId);
    }

    public static <T> T callAs(Scope scope, Supplier<T> work) {
        try (Opened ignored = open(scope)) {
            return work.get();
        }
    }

    /** Sets the scope until the returned handle is closed, then restores the previous one. */
    public static Opened open(Scope scope) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        return () -> restore(previous);
    }

    public interface Opened extends AutoCloseable {
        @Override
        void close();
    }

    public static void runAs(Scope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    private static void restore(Scope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
