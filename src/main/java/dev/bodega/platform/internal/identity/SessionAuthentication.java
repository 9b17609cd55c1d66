package dev.bodega.platform.internal.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** A signed-in browser session. */
class SessionAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;

    SessionAuthentication(SignedInUser user) {
        super(List.of());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.principalName();
    }
}
