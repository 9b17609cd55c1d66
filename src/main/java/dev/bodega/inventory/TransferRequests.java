package dev.bodega.inventory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Transfer requests between locations (seed 003 solicitudes) for other modules (the demo company), as the
 * current user, through the same rules as the API: PENDIENTE → ALISTAMIENTO → DESPACHADO → RECIBIDO, or
 * CANCELADO before dispatch. Quantities are per item of the request.
 */
public interface TransferRequests {

    UUID request(UUID originId, UUID destinationId, String notes, Map<UUID, BigDecimal> quantities);

    void startPicking(UUID requestId, String comment);

    void recordPicking(UUID requestId, Map<UUID, BigDecimal> picked);

    void dispatch(UUID requestId, String transportGuide, String comment);

    /** {@code reasons}: why an item arrived other than dispatched (required for each such item). */
    void receive(UUID requestId, Map<UUID, BigDecimal> received, Map<UUID, String> reasons, String comment);

    void cancel(UUID requestId, String comment);
}
