package dev.bodega.inventory.internal;

import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.internal.adjustments.Adjustments;
import dev.bodega.inventory.internal.alerts.AlertSubscriptions;
import dev.bodega.inventory.internal.alerts.LowStockNotifier;
import dev.bodega.inventory.internal.locations.Locations;
import dev.bodega.inventory.internal.stock.StockLevels;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link InventorySetup} on the services behind the API. */
@Service
class InventorySetupService implements InventorySetup {

    private final Locations locations;
    private final StockLevels levels;
    private final AlertSubscriptions alerts;
    private final Adjustments adjustments;

    InventorySetupService(Locations locations, StockLevels levels, AlertSubscriptions alerts, Adjustments adjustments) {
        this.locations = locations;
        this.levels = levels;
        this.alerts = alerts;
        this.adjustments = adjustments;
    }

    @Override
    public UUID createLocation(NewLocation location) {
        return locations.create(new Locations.LocationInput(location.name(), location.kind(), location.address(),
                location.phone(), null, location.organizationId())).id();
    }

    @Override
    public void assign(UUID locationId, List<UUID> userIds) {
        locations.setUsers(locationId, userIds);
    }

    @Override
    public void setMinimum(UUID locationId, UUID itemId, BigDecimal minimum) {
        levels.patch(locationId, itemId, JsonNodeFactory.instance.objectNode().put("minStock", minimum));
    }

    @Override
    public void subscribeToLowStock(UUID userId) {
        alerts.update(userId, List.of(new AlertSubscriptions.Subscription(LowStockNotifier.ALERT_TYPE, true)));
    }

    @Override
    public UUID requestAdjustment(UUID locationId, String reason, String note, Map<UUID, BigDecimal> quantities) {
        return adjustments.request(new Adjustments.Request(locationId, reason, note, quantities.entrySet().stream()
                .map(e -> new Adjustments.LineRequest(e.getKey(), e.getValue())).toList())).id();
    }
}
