package dev.bodega.inventory.internal.approvals;

import dev.bodega.inventory.internal.StockOpsMessages;
import dev.bodega.platform.Formats;
import dev.bodega.platform.NotificationType;
import dev.bodega.platform.Notifications;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Tells those who may approve that a movement waits (not the one who asked: nobody approves their own). */
@Component
class ApprovalNotices {

    private static final String TITLE = "stockops.notice.approval.title";
    private static final String MESSAGE = "stockops.notice.approval.message";

    private final Notifications notifications;
    private final StockOpsMessages messages;

    ApprovalNotices(Notifications notifications, StockOpsMessages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    void waiting(MovementApprovalsService.View approval) {
        List<UUID> approvers = notifications.holdersOf("inventory.approve").stream()
                .filter(user -> !user.equals(approval.requestedBy())).toList();
        if (approvers.isEmpty()) {
            return;
        }
        Locale locale = messages.companyLocale();
        String kind = kind(locale, approval.kind());
        List<String> args = List.of(approval.requestedByName(), kind, approval.locationName(),
                Formats.of(locale, null).money(approval.value()));
        String title = messages.text(locale, TITLE, kind);
        String message = messages.text(locale, MESSAGE, args.toArray());
        approvers.forEach(user -> notifications.send(NotificationType.MOVEMENT_APPROVAL_PENDING,
                new Notifications.Notice(user, title, message, "info", "normal", "/inventory/approvals/" + approval.id())));
    }

    private String kind(Locale locale, String kind) {
        String text = messages.text(locale, "inventory.kind." + kind);
        return text.equals("inventory.kind." + kind) ? messages.text(locale, "inventory.movement." + kind) : text;
    }
}
