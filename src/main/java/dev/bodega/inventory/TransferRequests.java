package dev.bodega.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Transfer requests between locations (seed 003 solicitudes) for other modules (the demo company makes them, the
 * inbox's assistant tells a partner of those bound for it), as the current user, through the same rules as the
 * API: PENDIENTE → ALISTAMIENTO → DESPACHADO → RECIBIDO, or CANCELADO before dispatch. Quantities are per item of
 * the request.
 */
public interface TransferRequests {

    /** A request as the people at its destination may be told of it; {@code code} as people read it (SOL-12). */
    record RequestState(long number, String code, String status, String destination, Instant requestedAt,
                        Instant dispatchedAt, Instant receivedAt) {
    }

    UUID request(UUID originId, UUID destinationId, String notes, Map<UUID, BigDecimal> quantities);

    void startPicking(UUID requestId, String comment);

    void recordPicking(UUID requestId, Map<UUID, BigDecimal> picked);

    void dispatch(UUID requestId, String transportGuide, String comment);

    /** {@code reasons}: why an item arrived other than dispatched (required for each such item). */
    void receive(UUID requestId, Map<UUID, BigDecimal> received, Map<UUID, String> reasons, String comment);

    void cancel(UUID requestId, String comment);

    /**
     * Requests bound for a partner organization's own warehouses, newest first (only the one numbered {@code number}
     * when it is not null), read as the current company and user.
     */
    List<RequestState> toOrganization(UUID organizationId, Long number, int limit);
}
