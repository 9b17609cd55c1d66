package dev.bodega.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a partner organization's people may be told of its customer orders (seed 004) by another module (the inbox's
 * assistant), read in the caller's transaction, as its company and under its row-level security.
 */
public interface CustomerOrderLookup {

    /** An order's state; {@code code} is its number as people read it (PED-000123). */
    record OrderState(long number, String code, String status, Instant orderDate, LocalDate expectedDelivery,
                      Instant actualDelivery) {
    }

    /** The partner organization a customer record stands for; empty for a person or an unknown customer. */
    Optional<UUID> organizationOf(UUID customerId);

    /** The organization's orders, newest first; only the one numbered {@code number} when it is not null. */
    List<OrderState> ordersOf(UUID organizationId, Long number, int limit);
}
