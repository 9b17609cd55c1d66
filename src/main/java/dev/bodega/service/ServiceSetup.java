package dev.bodega.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Technician movements and warranty claims written by another module (the demo company), through the services
 * behind the API, as the current user. {@code at} dates a step in the past, for data that describes the past.
 */
public interface ServiceSetup {

    /** {@code concept} as seed 003 names it: salida, ingreso, venta, garantia, prestamo or cotizacion. */
    record Movement(UUID locationId, UUID itemId, UUID technicianId, String concept, BigDecimal quantity,
                    String workOrder) {
    }

    record Claim(UUID itemId, BigDecimal quantity, UUID locationId, UUID technicianId, String failureReason,
                 Integer mileage, String workOrder, String requester) {
    }

    /** Items with at least {@code atLeast} on hand at the location, most stocked first. */
    List<UUID> itemsInStock(UUID locationId, BigDecimal atLeast, int limit);

    UUID recordMovement(Movement movement, Instant at);

    /** Brings back unused parts of a movement still out, as a devolucion. */
    UUID returnParts(UUID movementId, BigDecimal quantity, Instant at);

    /** A claim, sent for review (PENDIENTE) when {@code submit}, else a draft (SIN_ENVIAR). */
    UUID fileClaim(Claim claim, boolean submit, Instant at);
}
