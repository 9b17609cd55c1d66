package dev.bodega.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Lead times as purchasing measures them, for another module that plans purchases (insights' reorder points). */
public interface SupplierLeadTimes {

    /**
     * Average days from order to full receipt, per supplier, over the orders placed since {@code from}; a supplier
     * with no order received is absent.
     */
    Map<UUID, BigDecimal> averageActualDays(LocalDate from);
}
