package dev.bodega.platform;

import java.util.List;
import java.util.UUID;

/** In-app notifications (seed 000, 003): any module may notify a user of the current tenant. */
public interface Notifications {

    /**
     * Type: info, success, warning, alert, security; priority: low, normal, high, urgent. {@code title} and
     * {@code message} are the text in the company's language (what the API shows); {@code titleKey} and
     * {@code messageKey} (with {@code args}), when set, are the bundle keys the page reads in the reader's language.
     */
    record Notice(UUID userId, String title, String message, String type, String priority, String link,
                  String titleKey, String messageKey, List<String> args) {

        /** A notice of free text only. */
        public Notice(UUID userId, String title, String message, String type, String priority, String link) {
            this(userId, title, message, type, priority, link, null, null, List.of());
        }
    }

    /** Sends within the caller's transaction, so a notice exists only if what it reports was committed. */
    void send(Notice notice);

    /**
     * Sends a notice of a kind users subscribe to, within the caller's transaction; nothing is sent to a user who
     * opted out of {@code kind}. Returns whether it was sent.
     */
    boolean send(NotificationType kind, Notice notice);

    /** The active users of the current company whose roles grant {@code permission}: who may act on a notice. */
    List<UUID> holdersOf(String permission);
}
