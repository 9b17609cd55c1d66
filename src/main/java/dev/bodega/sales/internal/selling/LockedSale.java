package dev.bodega.sales.internal.selling;

import java.math.BigDecimal;
import java.util.UUID;

/** A sale row as a transaction that locked it (FOR UPDATE) needs it. */
record LockedSale(UUID id, String status, UUID locationId, UUID customerId, UUID sellerId, String currency,
                  BigDecimal total, BigDecimal refunded, long version, String invoice) {
}
