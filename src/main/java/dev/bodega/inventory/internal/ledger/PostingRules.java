package dev.bodega.inventory.internal.ledger;

import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a posting must satisfy before it touches stock. The lines' own checks come first; their locations and
 * items are checked by the statement that locks their levels, which leaves out a line whose location or item
 * is missing or inactive; only then is the reason read, to refuse the posting with the precise problem.
 */
@Component
public class PostingRules {

    /** A level the engine locked: its average cost, the decimals its item is counted in, and its stock then. */
    record Locked(BigDecimal averageCost, int decimals, BigDecimal onHand) {
    }

    private record Known(String kind, UUID id, Integer decimals, boolean usable) {
    }

    private final JdbcClient jdbc;

    PostingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void checkLines(List<Line> lines) {
        if (lines.isEmpty()) {
            throw Problems.of(InventoryProblem.EMPTY_POSTING, "A posting needs at least one line with a quantity");
        }
        for (Line line : lines) {
            if (line.quantity().abs().compareTo(new BigDecimal("99999999999")) > 0) {
                throw Problems.of(InventoryProblem.QUANTITY_RANGE,
                        "Quantity out of range: " + line.quantity().toPlainString());
            }
            if (line.unitCost() != null && line.unitCost().signum() < 0) {
                throw Problems.of(InventoryProblem.NEGATIVE_COST, "A unit cost cannot be negative");
            }
        }
    }

    /** Every line's level was locked (else its location or item is refused) and its quantity fits its unit. */
    void checkLocked(List<Line> lines, Map<String, Locked> levels) {
        for (Line line : lines) {
            Locked level = levels.get(line.locationId() + "|" + line.itemId());
            if (level == null) {
                refuseUnusable(lines);
            }
            checkDecimals(line, level.decimals());
        }
    }

    static void checkDecimals(Line line, int decimals) {
        if (line.quantity().stripTrailingZeros().scale() > decimals) {
            throw Problems.of(InventoryProblem.QUANTITY_DECIMALS, "Item " + line.itemId() + " is counted in whole units"
                    + (decimals == 0 ? "" : " with at most " + decimals + " decimals") + ": " + line.quantity().toPlainString());
        }
    }

    /** All of a posting's checks, with a read of its locations and items, for a posting not made yet. */
    public void check(List<Line> lines) {
        checkLines(lines);
        checkKnown(lines);
    }

    void refuseUnusable(List<Line> lines) {
        checkKnown(lines);
        throw new IllegalStateException("A level was not locked, yet its location and item are usable");
    }

    /** Throws the problem of the first line whose location or item is unknown or inactive, or whose decimals do not fit. */
    private void checkKnown(List<Line> lines) {
        Map<UUID, Known> known = known(lines);
        for (Line line : lines) {
            Known location = known.get(line.locationId());
            if (location == null || !location.kind().equals("location")) {
                throw Problems.of(InventoryProblem.UNKNOWN_LOCATION, "Location " + line.locationId() + " does not exist");
            }
            if (!location.usable()) {
                throw Problems.of(InventoryProblem.INACTIVE_LOCATION, "Location " + line.locationId() + " is not active");
            }
            Known item = known.get(line.itemId());
            if (item == null || !item.kind().equals("item")) {
                throw Problems.of(InventoryProblem.UNKNOWN_ITEM, "Item " + line.itemId() + " does not exist");
            }
            if (!item.usable()) {
                throw Problems.of(InventoryProblem.INACTIVE_ITEM, "Item " + line.itemId() + " is not active");
            }
            checkDecimals(line, item.decimals());
        }
    }

    private Map<UUID, Known> known(List<Line> lines) {
        String[] items = lines.stream().map(l -> l.itemId().toString()).distinct().toArray(String[]::new);
        String[] locations = lines.stream().map(l -> l.locationId().toString()).distinct().toArray(String[]::new);
        Map<UUID, Known> known = new HashMap<>();
        jdbc.sql("""
                        SELECT 'item' AS kind, i.id, i.unit_decimals AS decimals, i.active AND i.deleted_at IS NULL AS usable
                        FROM catalog_items i
                        WHERE i.id = ANY (CAST(:items AS uuid[]))
                        UNION ALL
                        SELECT 'location', l.id, NULL, l.active FROM locations l WHERE l.id = ANY (CAST(:locations AS uuid[]))""")
                .param("items", items).param("locations", locations)
                .query(Known.class).list()
                .forEach(k -> known.put(k.id(), k));
        return known;
    }
}
