package dev.bodega.sales.internal.orders;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A customer order's states (seed 004) and every transition there is, in one place: the partner drafts, submits
 * and may cancel until the staff decide; the staff approve or reject (with a reason), ship in one or more
 * shipments, and mark it delivered.
 */
enum OrderStatus {
    DRAFT, SUBMITTED, APPROVED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED, REJECTED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The states this one may move to; a partial shipment may follow another. */
    Set<OrderStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> Set.of(APPROVED, REJECTED, CANCELLED);
            case APPROVED, PARTIALLY_SHIPPED -> Set.of(PARTIALLY_SHIPPED, SHIPPED);
            case SHIPPED -> Set.of(DELIVERED);
            case DELIVERED, CANCELLED, REJECTED -> Set.of();
        };
    }

    boolean canGoTo(OrderStatus to) {
        return next().contains(to);
    }

    /** Whether the order may still be shipped. */
    boolean shippable() {
        return canGoTo(SHIPPED);
    }

    static OrderStatus of(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Unknown order status " + code));
    }

    static Optional<OrderStatus> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
