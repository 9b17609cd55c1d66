package dev.bodega.platform.internal.notify;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Formats;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.SignedIn;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Locale;
import java.util.UUID;

/**
 * The notifications page. Marking read posts and redirects back, so the
 * header's unread badge is computed afresh (htmx boosts the forms when present).
 */
@Controller
@SignedIn
class NotificationsController {

    static final int PAGE_SIZE = 30;

    record Row(UUID id, String when, String title, String message, String type, String priority, String link,
               boolean read) {
    }

    private final NotificationStore notifications;
    private final TenantSettingsService settings;
    private final MessageSource messages;

    NotificationsController(NotificationStore notifications, TenantSettingsService settings, MessageSource messages) {
        this.notifications = notifications;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String page(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) String cursor,
                Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Formats formats = Formats.of(locale, settings.current().zoneId());
        UUID before = NotificationsApiController.cursor(cursor);
        CursorPage<NotificationStore.Row> page = notifications.list(me(), unread, before, PAGE_SIZE);
        model.addAttribute("rows", page.items().stream().map(row -> row(row, formats, locale)).toList());
        model.addAttribute("unread", unread);
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : UriComponentsBuilder.fromPath("/notifications")
                .queryParam("unread", unread).queryParam("cursor", page.nextCursor()).toUriString());
        model.addAttribute("paged", before != null);
        return "platform/notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean unread,
                    RedirectAttributes redirect) {
        if (!notifications.markRead(me(), id)) {
            throw new NotFoundException("Notification");
        }
        redirect.addAttribute("unread", unread);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@RequestParam(defaultValue = "false") boolean unread, RedirectAttributes redirect) {
        notifications.markAllRead(me());
        redirect.addAttribute("unread", unread);
        return "redirect:/notifications";
    }

    /** In the reader's language when the notice was written with message keys, as stored otherwise. */
    private Row row(NotificationStore.Row row, Formats formats, Locale locale) {
        return new Row(row.id(), formats.dateTime(row.createdAt()), text(row.titleKey(), row.args(), row.title(), locale),
                text(row.messageKey(), row.args(), row.message(), locale), row.type(),
                row.priority(), safeLink(row.link()), row.readAt() != null);
    }

    private String text(String key, String[] args, String stored, Locale locale) {
        return key == null ? stored : messages.getMessage(key, args, stored, locale);
    }

    /** Only links inside Bodega become clickable: a notice must never lead off-site. */
    static String safeLink(String link) {
        return link != null && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null;
    }

    private static UUID me() {
        return Actor.require().userId();
    }
}
