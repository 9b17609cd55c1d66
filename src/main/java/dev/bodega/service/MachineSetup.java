package dev.bodega.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Customers' machines, their readings and the parts used on them, made by another module (the demo company), through
 * the services behind the API, as the current user.
 */
public interface MachineSetup {

    record NewMachine(String serialNumber, String name, String model, UUID organizationId, LocalDate purchaseDate,
                      LocalDate warrantyExpiry, String location) {
    }

    /** Parts used on a machine from a warehouse of its organization, at {@code usedAt} (null: now). */
    record Usage(UUID machineId, UUID warehouseId, UUID itemId, BigDecimal quantity, Instant usedAt, String notes) {
    }

    UUID registerMachine(NewMachine machine);

    /** {@code kind}: hours or counter. */
    void recordReading(UUID machineId, String kind, BigDecimal value, Instant at);

    /** Records the usage and takes the parts out of the warehouse's stock (a PART_USAGE posting). */
    UUID recordUsage(Usage usage);
}
