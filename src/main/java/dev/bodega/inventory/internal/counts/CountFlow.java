package dev.bodega.inventory.internal.counts;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementDecided;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.internal.InventoryProblem;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The moves of a count session: submit for review, send lines back for a recount, close (one count_correction
 * posting), cancel. Each move is one conditional UPDATE from the state it leaves ({@link CountStatus}); an illegal
 * move, or one lost to a concurrent move, is a 409 problem and changes nothing.
 */
@Service
public class CountFlow {

    static final String DOCUMENT_TYPE = "count";

    private record Correction(UUID itemId, BigDecimal difference) {
    }

    private final JdbcClient jdbc;
    private final MovementApprovals approvals;
    private final CountSummary summary;
    private final TenantSettingsService settings;

    CountFlow(JdbcClient jdbc, MovementApprovals approvals, CountSummary summary, TenantSettingsService settings) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.summary = summary;
        this.settings = settings;
    }

    /** Counting → review: the counters are done; at least one line was counted. */
    @Transactional
    public void submit(UUID id) {
        move(id, CountStatus.REVIEW, "");
        long counted = jdbc.sql("SELECT count(*) FROM stock_count_lines WHERE tenant_id = :tenant AND count_id = :id AND counted_quantity IS NOT NULL")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Long.class).single();
        if (counted == 0) {
            throw Problems.of(InventoryProblem.COUNT_NOTHING_COUNTED, "Count at least one line before the review");
        }
    }

    /**
     * Review → counting for these counted lines, or (none given) every line over the tolerance: their counts and
     * snapshots are cleared, so the recount takes a fresh snapshot.
     */
    @Transactional
    public int recount(UUID id, List<UUID> itemIds) {
        move(id, CountStatus.COUNTING, "");
        boolean overTolerance = itemIds == null || itemIds.isEmpty();
        int sent = jdbc.sql("""
                        UPDATE stock_count_lines cl
                        SET system_quantity = NULL, counted_quantity = NULL, loose_quantity = 0, counted_by = NULL,
                            counted_at = NULL, recounts = cl.recounts + 1
                        FROM stock_counts c
                        WHERE cl.tenant_id = :tenant AND cl.count_id = :id AND c.tenant_id = :tenant AND c.id = :id
                          AND cl.counted_quantity IS NOT NULL
                          AND (CASE WHEN :over THEN abs(cl.difference) > c.tolerance
                                    ELSE cl.item_id = ANY (CAST(:items AS uuid[])) END)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("over", overTolerance)
                .param("items", overTolerance ? new String[0] : itemIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
        if (sent == 0) {
            throw Problems.of(InventoryProblem.COUNT_NOTHING_TO_RECOUNT, overTolerance
                    ? "No counted line is over the tolerance" : "None of these items is a counted line of this count");
        }
        summary.refresh(id);
        return sent;
    }

    /**
     * Review → closed: every counted line's difference is corrected in one count_correction posting, by
     * counted - (system + loose) at the snapshot. The level then holds what was counted plus whatever moved since
     * the snapshot, so a sale made during the count stays sold. Each counted level is counted once more and due
     * again after its count frequency. When an approval rule holds the correction back, the count stays in review
     * waiting for it (the outcome's approval) and closes when it is approved.
     */
    @Transactional
    public MovementApprovals.Outcome close(UUID id) {
        UUID location = closable(id);
        List<Correction> counted = counted(id);
        List<StockPostings.Line> lines = counted.stream().filter(c -> c.difference().signum() != 0)
                .map(c -> new StockPostings.Line(location, c.itemId(), MovementType.COUNT_CORRECTION,
                        c.difference().negate(), null))
                .toList();
        if (lines.isEmpty()) {
            finish(id, null);
            return new MovementApprovals.Outcome(null, null);
        }
        MovementApprovals.Outcome outcome = approvals.submit(new StockPostings.Posting(
                "count_correction", DOCUMENT_TYPE, id, "count_correction", null, lines));
        if (outcome.waiting()) {
            int held = jdbc.sql("""
                            UPDATE stock_counts SET approval_id = :approval
                            WHERE tenant_id = :tenant AND id = :id AND status = 'review' AND approval_id IS NULL""")
                    .param("approval", outcome.approvalId()).param("tenant", TenantContext.tenantId())
                    .param("id", id).update();
            if (held == 0) {
                throw Problems.of(InventoryProblem.COUNT_TRANSITION, "This count was just moved by someone else");
            }
        } else {
            finish(id, outcome.posted().postingId());
        }
        return outcome;
    }

    /** The approvals flow decided on a held-back correction: approved closes the count, rejected lets it be reviewed again. */
    @EventListener
    void on(MovementDecided decided) {
        if (!DOCUMENT_TYPE.equals(decided.documentType())) {
            return;
        }
        int released = jdbc.sql("""
                        UPDATE stock_counts SET approval_id = NULL
                        WHERE tenant_id = :tenant AND id = :id AND approval_id = :approval""")
                .param("tenant", TenantContext.tenantId()).param("id", decided.documentId())
                .param("approval", decided.approvalId()).update();
        if (released == 1 && decided.approved()) {
            finish(decided.documentId(), decided.postingId());
        }
    }

    private void finish(UUID id, UUID postingId) {
        UUID location = move(id, CountStatus.CLOSED, ", closed_by = :user, closed_at = now()");
        jdbc.sql("UPDATE stock_counts SET posting_id = :posting WHERE tenant_id = :tenant AND id = :id")
                .param("posting", postingId).param("tenant", TenantContext.tenantId()).param("id", id).update();
        markCounted(location, counted(id));
    }

    /** The count's location, if it may close now: in review and not already waiting for an approval. */
    private UUID closable(UUID id) {
        Header header = header(id);
        if (!header.status().canMoveTo(CountStatus.CLOSED)) {
            throw illegal(header.status(), CountStatus.CLOSED);
        }
        return header.locationId();
    }

    private List<Correction> counted(UUID id) {
        return jdbc.sql("""
                        SELECT item_id, difference FROM stock_count_lines
                        WHERE tenant_id = :tenant AND count_id = :id AND counted_quantity IS NOT NULL ORDER BY item_id""")
                .param("tenant", TenantContext.tenantId()).param("id", id).query(Correction.class).list();
    }

    /** Counting or review → cancelled: nothing is posted. */
    @Transactional
    public void cancel(UUID id) {
        move(id, CountStatus.CANCELLED, ", cancelled_by = :user, cancelled_at = now()");
    }

    private void markCounted(UUID location, List<Correction> counted) {
        jdbc.sql("""
                        UPDATE stock_levels
                        SET times_counted = times_counted + 1, last_counted_at = now(),
                            next_count_due = CAST(:today AS date) + count_frequency_days, updated_at = now()
                        WHERE tenant_id = :tenant AND location_id = :location AND item_id = ANY (CAST(:items AS uuid[]))""")
                .param("today", LocalDate.now(settings.current().zoneId()))
                .param("tenant", TenantContext.tenantId()).param("location", location)
                .param("items", counted.stream().map(c -> c.itemId().toString()).toArray(String[]::new))
                .update();
    }

    /** One conditional UPDATE from the current state; returns the count's location. */
    private UUID move(UUID id, CountStatus to, String set) {
        Header header = header(id);
        CountStatus from = header.status();
        if (!from.canMoveTo(to)) {
            throw illegal(from, to);
        }
        int moved = jdbc.sql("UPDATE stock_counts SET status = :to, updated_at = now()" + set
                        + " WHERE tenant_id = :tenant AND id = :id AND status = :from")
                .param("to", to.code()).param("from", from.code())
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .params(set.contains(":user") ? Map.of("user", Counts.currentUser()) : Map.of())
                .update();
        if (moved == 0) {
            throw Problems.of(InventoryProblem.COUNT_TRANSITION, "This count was just moved by someone else");
        }
        return header.locationId();
    }

    private record Header(UUID locationId, CountStatus status) {
    }

    /** A count waiting for its correction's approval moves only when that is decided. */
    private Header header(UUID id) {
        record Row(UUID locationId, String status, UUID approvalId) {
        }
        Row row = jdbc.sql("SELECT location_id, status, approval_id FROM stock_counts WHERE id = :id")
                .param("id", id).query(Row.class).optional()
                .orElseThrow(() -> new NotFoundException("Count"));
        if (row.approvalId() != null) {
            throw Problems.of(InventoryProblem.COUNT_TRANSITION, "This count's corrections wait for approval");
        }
        return new Header(row.locationId(), CountStatus.of(row.status()));
    }

    private static RuntimeException illegal(CountStatus from, CountStatus to) {
        return Problems.of(InventoryProblem.COUNT_TRANSITION,
                "A count that is " + from.code() + " cannot become " + to.code());
    }
}
