package dev.bodega.inventory.internal.approvals;

import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings.Line;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a posting's lines are worth, as the approval rules weigh it and an adjustment records it: |quantity| x unit
 * cost, the level's average cost where a line gives none; a transfer's arriving half is the same stock as its
 * leaving half and is not counted twice.
 */
@Component
public class PostingValues {

    /** The lines' total, and the unit cost each line is valued at. */
    public record Valued(BigDecimal total, Map<String, BigDecimal> averageCosts) {

        public BigDecimal unitCost(Line line) {
            return PostingValues.unitCost(line, averageCosts);
        }
    }

    private final JdbcClient jdbc;

    PostingValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Valued of(List<Line> lines) {
        Map<String, BigDecimal> costs = averageCosts(lines);
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.movementType() != MovementType.TRANSFER_IN) {
                total = total.add(line.quantity().abs().multiply(unitCost(line, costs)));
            }
        }
        return new Valued(total.setScale(2, RoundingMode.HALF_UP), costs);
    }

    private Map<String, BigDecimal> averageCosts(List<Line> lines) {
        Map<String, BigDecimal> costs = new HashMap<>();
        jdbc.sql("""
                        SELECT s.location_id, s.item_id, s.avg_cost
                        FROM unnest(CAST(:locations AS uuid[]), CAST(:items AS uuid[])) AS l(location_id, item_id)
                        JOIN stock_levels s ON s.location_id = l.location_id AND s.item_id = l.item_id""")
                .param("locations", lines.stream().map(l -> l.locationId().toString()).toArray(String[]::new))
                .param("items", lines.stream().map(l -> l.itemId().toString()).toArray(String[]::new))
                .query((rs, n) -> costs.put(rs.getString("location_id") + "|" + rs.getString("item_id"),
                        rs.getBigDecimal("avg_cost")))
                .list();
        return costs;
    }

    private static BigDecimal unitCost(Line line, Map<String, BigDecimal> averageCosts) {
        return line.unitCost() != null ? line.unitCost()
                : averageCosts.getOrDefault(line.locationId() + "|" + line.itemId(), BigDecimal.ZERO);
    }
}
