package dev.bodega.inventory;

/**
 * How much stock is short, for other modules' dashboards: the same levels the
 * inventory low-stock report lists ({@code /inventory/low-stock}), over the
 * caller's locations.
 */
public interface LowStock {

    /** Levels of active items at active locations whose on hand is at or below their minimum. */
    long count();
}
