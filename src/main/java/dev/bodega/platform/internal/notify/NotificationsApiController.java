package dev.bodega.platform.internal.notify;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.SignedIn;
import dev.bodega.platform.NotificationType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's own notifications; anyone else's id is answered as unknown. */
@RestController
@RequestMapping("/api/v1/notifications")
@SignedIn
@Tag(name = "Notifications")
class NotificationsApiController {

    record UnreadCount(int count) {
    }

    record Marked(int marked) {
    }

    record Subscriptions(@NotNull List<NotificationSubscriptions.Subscription> subscriptions) {
    }

    private final NotificationStore notifications;
    private final NotificationSubscriptions subscriptions;

    NotificationsApiController(NotificationStore notifications, NotificationSubscriptions subscriptions) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "The kinds of notification I receive (every kind unless I opted out)")
    Subscriptions subscriptions() {
        return new Subscriptions(subscriptions.of(me()));
    }

    @PutMapping("/subscriptions")
    @Operation(summary = "Choose the kinds of notification I receive; a kind left out keeps its current choice")
    Subscriptions subscribe(@Valid @RequestBody Subscriptions choice) {
        Set<NotificationType> wanted = new HashSet<>();
        subscriptions.of(me()).forEach(current -> NotificationType.of(current.type())
                .filter(t -> current.subscribed()).ifPresent(wanted::add));
        for (NotificationSubscriptions.Subscription chosen : choice.subscriptions()) {
            NotificationType type = NotificationType.of(chosen.type()).orElseThrow(() -> Problems.of(
                    PlatformProblem.VALIDATION, "Unknown notification type '" + chosen.type() + "'"));
            if (chosen.subscribed()) {
                wanted.add(type);
            } else {
                wanted.remove(type);
            }
        }
        subscriptions.setSubscribed(me(), wanted);
        return subscriptions();
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first; unread=true for unread only")
    CursorPage<NotificationStore.Row> list(@RequestParam(defaultValue = "false") boolean unread,
                                           PageQuery<String> page) {
        return notifications.list(me(), unread, cursor(page.cursor()), page.limit());
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount(me()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of my notifications read")
    void markRead(@PathVariable UUID id) {
        if (!notifications.markRead(me(), id)) {
            throw new NotFoundException("Notification");
        }
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all my notifications read")
    Marked markAllRead() {
        return new Marked(notifications.markAllRead(me()));
    }

    private static UUID me() {
        return Actor.require().userId();
    }

    static UUID cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(cursor.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.of(PlatformProblem.VALIDATION, "Invalid value for 'cursor'");
        }
    }
}
