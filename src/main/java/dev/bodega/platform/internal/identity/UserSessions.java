package dev.bodega.platform.internal.identity;

import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A user's web sessions, as Spring Session keeps them (indexed by principal
 * name). Sessions are named outward by a hash of their id, never the id
 * itself: the session cookie is the id, so showing it would let whoever
 * reads the list (an admin, a script) take the session over.
 */
@Component
class UserSessions {

    record SessionView(String id, String ip, String userAgent, Instant createdAt, Instant lastActivity,
                       boolean current) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> repository;
    private final SecurityEvents events;
    private final TransactionTemplate ownTransaction;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> repository, SecurityEvents events,
                 PlatformTransactionManager transactions) {
        this.repository = repository;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Callers may run after their own commit (ending sessions of a deactivated user): record in a fresh transaction.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The user's live sessions, most recently active first; {@code currentSessionId} may be null (an API key). */
    List<SessionView> list(UUID tenantId, UUID userId, String currentSessionId) {
        return sessions(tenantId, userId).stream()
                .map(s -> view(s, currentSessionId))
                .sorted(Comparator.comparing(SessionView::lastActivity).reversed())
                .toList();
    }

    /** Ends one of the user's sessions, named by its public handle; false if the user has no such session. */
    boolean end(UUID tenantId, UUID userId, String handle, String reason) {
        for (Session session : sessions(tenantId, userId)) {
            if (handle(session.getId()).equals(handle)) {
                repository.deleteById(session.getId());
                record(userId, handle, reason);
                return true;
            }
        }
        return false;
    }

    /** Ends all the user's sessions except {@code keepSessionId} (null keeps none); returns how many ended. */
    int endAll(UUID tenantId, UUID userId, String keepSessionId, String reason) {
        int ended = 0;
        for (Session session : sessions(tenantId, userId)) {
            if (!session.getId().equals(keepSessionId)) {
                repository.deleteById(session.getId());
                record(userId, handle(session.getId()), reason);
                ended++;
            }
        }
        return ended;
    }

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Session> sessions(UUID tenantId, UUID userId) {
        return repository.findByPrincipalName(SignedInUser.principalName(tenantId, userId)).values().stream()
                .filter(s -> !s.isExpired())
                .map(Session.class::cast)
                .toList();
    }

    private void record(UUID userId, String handle, String reason) {
        ownTransaction.executeWithoutResult(tx ->
                events.record(Type.SESSION_ENDED, Risk.low, userId, "session " + handle.substring(0, 8) + ": " + reason));
    }

    private static SessionView view(Session session, String currentSessionId) {
        return new SessionView(handle(session.getId()), session.getAttribute(LoginController.IP_ATTRIBUTE),
                session.getAttribute(LoginController.AGENT_ATTRIBUTE), session.getCreationTime(),
                session.getLastAccessedTime(), session.getId().equals(currentSessionId));
    }
}
