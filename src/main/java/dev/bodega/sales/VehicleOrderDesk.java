package dev.bodega.sales;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Vehicle orders written by another module (the demo company), under the same rules as the pages: a number
 * unique in the company, a model of the catalog, one level forward at a time.
 */
public interface VehicleOrderDesk {

    record NewVehicleOrder(String number, UUID modelId, String contactPhone, String contactEmail, String externalLink,
                           LocalDate orderDate, LocalDate estimatedDelivery) {
    }

    UUID createVehicleOrder(NewVehicleOrder order);

    /** Moves the order one level forward (2 in transit, 3 delivered). */
    void moveVehicleOrder(UUID orderId, int level);
}
