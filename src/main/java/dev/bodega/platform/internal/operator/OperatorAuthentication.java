package dev.bodega.platform.internal.operator;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** An operator signed in to the console (/operator), kept apart from any company's session. */
class OperatorAuthentication extends AbstractAuthenticationToken {

    record SignedInOperator(UUID id, String email, String name) implements Serializable {
    }

    private final SignedInOperator operator;

    OperatorAuthentication(SignedInOperator operator) {
        super(List.of());
        this.operator = operator;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInOperator getPrincipal() {
        return operator;
    }

    @Override
    public String getName() {
        return "operator:" + operator.email();
    }
}
