package dev.bodega.inventory.internal.requests;

import dev.bodega.inventory.internal.adjustments.Adjustments;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A received quantity other than the dispatched one, as an adjustment with the existing approval threshold:
 * what never arrived is written off from transit (reason lost), where it still is; what arrived beyond the
 * dispatch is found at the destination (reason found), where it is. Above the threshold the adjustment waits
 * for approval, and a shortage stays in transit until then.
 */
@Component
class Discrepancies {

    private final Adjustments adjustments;
    private final JdbcClient jdbc;

    Discrepancies(Adjustments adjustments, JdbcClient jdbc) {
        this.adjustments = adjustments;
        this.jdbc = jdbc;
    }

    void post(RequestFlow.Header header, UUID transitId, List<RequestFlow.StoredLine> lines,
              Map<UUID, BigDecimal> received, Map<UUID, String> reasons) {
        List<Adjustments.LineRequest> short_ = new ArrayList<>();
        List<Adjustments.LineRequest> over = new ArrayList<>();
        for (RequestFlow.StoredLine line : lines) {
            BigDecimal difference = received.get(line.itemId()).subtract(line.dispatched());
            if (difference.signum() < 0) {
                short_.add(new Adjustments.LineRequest(line.itemId(), difference));
            } else if (difference.signum() > 0) {
                over.add(new Adjustments.LineRequest(line.itemId(), difference));
            }
        }
        adjust(header, transitId, "lost", short_, reasons);
        adjust(header, header.destinationId(), "found", over, reasons);
    }

    private void adjust(RequestFlow.Header header, UUID location, String reason, List<Adjustments.LineRequest> lines,
                        Map<UUID, String> reasons) {
        if (lines.isEmpty()) {
            return;
        }
        String note = RequestFlow.reference(header) + ": " + lines.stream().map(l -> reasons.get(l.itemId()))
                .distinct().collect(Collectors.joining("; "));
        UUID adjustment = adjustments.request(new Adjustments.Request(location, reason, note, lines)).id();
        for (Adjustments.LineRequest line : lines) {
            jdbc.sql("""
                            UPDATE transfer_request_lines SET adjustment_id = :adjustment
                            WHERE tenant_id = :tenant AND request_id = :id AND item_id = :item""")
                    .param("tenant", TenantContext.tenantId())
                    .param("adjustment", adjustment).param("id", header.id()).param("item", line.itemId()).update();
        }
    }
}
