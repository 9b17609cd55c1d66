package dev.bodega.sales.internal.vehicles;

import java.util.Arrays;
import java.util.Optional;

/** A vehicle order's progress (seed 003 order_follow.nivel): one step forward at a time, never back. */
enum VehicleOrderLevel {

    ORDERED(1), IN_TRANSIT(2), DELIVERED(3);

    private final int number;

    VehicleOrderLevel(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    /** The only level an order may reach {@code this} from; none for the first. */
    Optional<VehicleOrderLevel> previous() {
        return of(number - 1);
    }

    static Optional<VehicleOrderLevel> of(int number) {
        return Arrays.stream(values()).filter(level -> level.number == number).findFirst();
    }
}
