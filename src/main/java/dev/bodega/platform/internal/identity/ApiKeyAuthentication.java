package dev.bodega.platform.internal.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A request authenticated by an API key: it acts for the key's creator, within the key's permissions. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID tenantId;
    private final UUID userId;
    private final UUID keyId;
    private final Set<String> permissions;
    private final Users.Standing standing;

    /** {@code standing} is the user's as read with the key, in the same request; null if the user is gone. */
    ApiKeyAuthentication(UUID tenantId, UUID userId, UUID keyId, Set<String> permissions, Users.Standing standing) {
        super(List.of());
        this.tenantId = tenantId;
        this.userId = userId;
        this.keyId = keyId;
        this.permissions = permissions;
        this.standing = standing;
        setAuthenticated(true);
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID userId() {
        return userId;
    }

    UUID keyId() {
        return keyId;
    }

    Set<String> permissions() {
        return permissions;
    }

    Optional<Users.Standing> standing() {
        return Optional.ofNullable(standing);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return keyId;
    }

    @Override
    public String getName() {
        return SignedInUser.principalName(tenantId, userId);
    }
}
