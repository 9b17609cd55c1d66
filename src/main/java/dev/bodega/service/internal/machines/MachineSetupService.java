package dev.bodega.service.internal.machines;

import dev.bodega.service.MachineSetup;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Service
class MachineSetupService implements MachineSetup {

    private final Machines machines;
    private final PartUsage usage;

    MachineSetupService(Machines machines, PartUsage usage) {
        this.machines = machines;
        this.usage = usage;
    }

    @Override
    public UUID registerMachine(NewMachine m) {
        return machines.register(new Machines.MachineRequest(m.serialNumber(), m.name(), m.model(), m.organizationId(),
                m.purchaseDate(), m.warrantyExpiry(), "active", null, null, m.location(), null)).id();
    }

    @Override
    public void recordReading(UUID machineId, String kind, BigDecimal value, Instant at) {
        machines.addReading(machineId, new Machines.ReadingRequest(kind, value, at, null));
    }

    @Override
    public UUID recordUsage(Usage u) {
        return usage.record(new PartUsage.UsageRequest(u.machineId(), u.warehouseId(), u.itemId(), u.quantity(),
                u.usedAt(), u.notes())).id();
    }
}
