package dev.bodega.platform.internal.identity;

import java.io.Serializable;
import java.util.UUID;

/** What the session remembers of who signed in; permissions are re-read on every request. */
public record SignedInUser(UUID tenantId, UUID userId, String email) implements Serializable {

    /** The session's principal name: Spring Session indexes it to list and end a user's sessions. */
    public String principalName() {
        return principalName(tenantId, userId);
    }

    public static String principalName(UUID tenantId, UUID userId) {
        return tenantId + ":" + userId;
    }
}
