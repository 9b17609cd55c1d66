package dev.bodega.inventory.internal.counts;

import dev.bodega.inventory.StockCounts;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.UUID;

/** {@link StockCounts} for other modules: the same services as the API. */
@Service
class StockCountsService implements StockCounts {

    private final Counts counts;
    private final CountEntries entries;

    StockCountsService(Counts counts, CountEntries entries) {
        this.counts = counts;
        this.entries = entries;
    }

    @Override
    public UUID open(NewCount count) {
        return counts.open(count);
    }

    @Override
    public void count(UUID countId, UUID itemId, BigDecimal quantity, BigDecimal looseQuantity) {
        entries.record(countId, new CountEntries.Entry(itemId, null, quantity, looseQuantity, false));
    }
}
