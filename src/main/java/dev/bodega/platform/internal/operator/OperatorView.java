package dev.bodega.platform.internal.operator;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;
import java.util.UUID;

/**
 * An operator looking into one company, read-only, under the grant its admin gave: held as the session's signed-in
 * party for the company's pages and API, and checked on every request by {@link OperatorViews}.
 */
public class OperatorView extends AbstractAuthenticationToken {

    private final UUID operatorId;
    private final String email;
    private final String name;
    private final UUID tenantId;
    private final UUID grantId;

    OperatorView(UUID operatorId, String email, String name, UUID tenantId, UUID grantId) {
        super(List.of());
        this.operatorId = operatorId;
        this.email = email;
        this.name = name;
        this.tenantId = tenantId;
        this.grantId = grantId;
        setAuthenticated(true);
    }

    UUID operatorId() {
        return operatorId;
    }

    String email() {
        return email;
    }

    String name() {
        return name;
    }

    UUID tenantId() {
        return tenantId;
    }

    UUID grantId() {
        return grantId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "operator:" + email;
    }
}
