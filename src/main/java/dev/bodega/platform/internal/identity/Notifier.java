package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Security notifications to a tenant's admins, in the tenant's language. */
@Component
class Notifier {

    private final Users users;
    private final Notifications notifications;
    private final MessageSource messages;

    Notifier(Users users, Notifications notifications, MessageSource messages) {
        this.users = users;
        this.notifications = notifications;
        this.messages = messages;
    }

    void notifyAdmins(String titleKey, String messageKey, UUID aboutUser, String email, Locale locale) {
        String title = messages.getMessage(titleKey, null, locale);
        String message = messages.getMessage(messageKey, new Object[] {email}, locale);
        for (UUID admin : users.admins()) {
            notifications.send(new Notifications.Notice(admin, title, message, "security", "high",
                    "/security-events?user=" + aboutUser, titleKey, messageKey, List.of(email)));
        }
    }
}
