package dev.bodega.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user (or API key) behind the current request, with the
 * permissions it holds right now (loaded per request, so a removed role or a
 * deactivated user takes effect at once), and the partner organization it belongs to, if any.
 */
public record Actor(UUID tenantId, UUID userId, String name, String email, Set<String> permissions, UUID apiKeyId,
                    Set<String> apiKeyPermissions, UUID organizationId) {

    /** One of the company's own staff. */
    public Actor(UUID tenantId, UUID userId, String name, String email, Set<String> permissions, UUID apiKeyId,
                 Set<String> apiKeyPermissions) {
        this(tenantId, userId, name, email, permissions, apiKeyId, apiKeyPermissions, null);
    }

    /** A user of a partner organization (seed 004), walled into its organization's rows. */
    public boolean partner() {
        return organizationId != null;
    }

    private static final String PORTAL = "portal.";
    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    /**
     * An API key acts within both its own permissions and its creator's current ones. The portal's permissions
     * are a partner user's only: staff (an admin's {@code *}, a viewer's {@code *.read}) keep their staff pages.
     */
    public boolean can(String permission) {
        if (permission.startsWith(PORTAL) && !partner()) {
            return false;
        }
        return Permissions.allows(permissions, permission)
                && (apiKeyPermissions == null || Permissions.allows(apiKeyPermissions, permission));
    }

    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    /** Only the request filter that authenticated the caller sets this. */
    public static void set(Actor actor) {
        if (actor == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(actor);
        }
    }
}
