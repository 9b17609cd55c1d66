package dev.bodega.platform.internal.notify;

import dev.bodega.platform.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The unread count in every page header. */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

    private final NotificationStore notifications;

    UnreadCount(NotificationStore notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("unreadCount")
    Integer unreadCount() {
        return Actor.current().map(a -> notifications.unreadCount(a.userId())).orElse(0);
    }
}
