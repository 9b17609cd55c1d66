package dev.bodega.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Customers' machines registered by another module (the demo company), through the service behind the API. */
public interface MachineSetup {

    record NewMachine(String serialNumber, String name, String model, UUID organizationId, LocalDate purchaseDate,
                      LocalDate warrantyExpiry, String location) {
    }

    UUID registerMachine(NewMachine machine);

    /** {@code kind}: hours or counter. */
    void recordReading(UUID machineId, String kind, BigDecimal value, Instant at);
}
