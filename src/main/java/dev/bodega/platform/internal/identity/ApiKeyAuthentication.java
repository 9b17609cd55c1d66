package dev.bodega.platform.internal.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A request authenticated by an API key: it acts for the key's creator, within the key's permissions. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final UUID tenantId;
    private final UUID userId;
    private final UUID keyId;
    private final Set<String> permissions;

    ApiKeyAuthentication(UUID tenantId, UUID userId, UUID keyId, Set<String> permissions) {
        super(List.of());
        this.tenantId = tenantId;
        this.userId = userId;
        this.keyId = keyId;
        this.permissions = permissions;
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
