package dev.bodega.platform;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of notification a user may subscribe to (seed 003 admin_notifications); everyone is subscribed to every
 * kind until they opt out on their profile. A module sends one with {@link Notifications#send(NotificationType,
 * Notifications.Notice)}. The page names a kind by {@code notification.type.<code>}.
 */
public enum NotificationType {

    REQUEST_CREATED("request.created"),
    REQUEST_DISPATCHED("request.dispatched"),
    REQUEST_DISCREPANCY("request.discrepancy"),
    WARRANTY_PENDING("warranty.pending"),
    USER_PENDING_APPROVAL("user.pending_approval"),
    SALE_VOID_REQUESTED("sale.void_requested"),
    MOVEMENT_APPROVAL_PENDING("movement.approval_pending"),
    STOCK_NEGATIVE("stock.negative"),
    /** A partner submitted a customer order: to whoever may approve it. */
    ORDER_SUBMITTED("order.submitted"),
    /** A customer order was approved, rejected or shipped: to the partner user who ordered it. */
    ORDER_STATUS_CHANGED("order.status_changed");

    private final String code;

    NotificationType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<NotificationType> of(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
