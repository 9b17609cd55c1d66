package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The web session the caller is using, if any: a request made with an API key has none, even if it sends a cookie. */
final class CurrentSession {

    private CurrentSession() {
    }

    static String id(HttpServletRequest request) {
        boolean viaApiKey = Actor.current().map(actor -> actor.apiKeyId() != null).orElse(true);
        HttpSession session = request.getSession(false);
        return viaApiKey || session == null ? null : session.getId();
    }
}
