package dev.bodega.platform;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A business fact the outside world may want to hear about later (webhooks, notifications, an activity
 * feed): a sale completed, a return created, goods received. A module's event record implements this
 * interface and is published in the transaction that made the fact true; the platform records it in
 * {@code business_events}, the transactional outbox, in that same transaction: it commits with the fact,
 * survives a crash, and never appears for a rolled-back transaction.
 *
 * <p>Implementing the interface is all a module does: a record with a {@code tenantId} component already
 * fulfils it. Overriding {@link #subjectId()} and {@link #occurredAt()} says which document the fact is
 * about and when it happened (otherwise none, and the time it was recorded).
 */
public interface BusinessEvent {

    UUID tenantId();

    /** The document the fact is about (the sale, the return, the supplier order), if any. */
    default UUID subjectId() {
        return null;
    }

    default Instant occurredAt() {
        return null;
    }

    /** A stable name from the record's class: {@code SaleCompleted} → {@code sale.completed}. */
    default String eventType() {
        return typeOf(getClass());
    }

    static String typeOf(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT);
    }
}
