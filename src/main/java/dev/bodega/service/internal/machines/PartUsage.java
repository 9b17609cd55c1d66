package dev.bodega.service.internal.machines;

import dev.bodega.inventory.MovementApprovals;
import dev.bodega.inventory.MovementDecided;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Text;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Parts used on customers' machines (seed 004 part_usage, transaction type consumption): a partner user records
 * them on its organization's machines from its organization's warehouses (row-level security keeps the rest out of
 * sight), staff for any customer. Each record posts one PART_USAGE issue on the ledger with itself as the document.
 */
@Service
class PartUsage {

    static final String DOCUMENT = "part_usage";

    public record UsageRequest(
            @NotNull(message = "{usage.machine.required}") UUID machineId,
            @NotNull(message = "{usage.warehouse.required}") UUID warehouseId,
            @NotNull(message = "{usage.item.required}") UUID itemId,
            @NotNull(message = "{usage.quantity.required}") @Positive(message = "{usage.quantity.required}")
            @Digits(integer = 11, fraction = 3, message = "{usage.quantity.required}") BigDecimal quantity,
            @PastOrPresent(message = "{usage.usedAt.future}") Instant usedAt,
            @Size(max = 1000, message = "{field.too-long}") String notes) {
    }

    public record UsageView(UUID id, UUID machineId, String machineName, String serialNumber, UUID organizationId,
                            String organizationName, UUID warehouseId, String warehouseName, UUID itemId, String sku,
                            String itemName, int unitDecimals, BigDecimal quantity, Instant usedAt, String notes,
                            UUID recordedBy, String recordedByName, UUID postingId, Instant createdAt,
                            String status, UUID approvalId) {

        /** Held back by an approval rule: nothing has left the warehouse yet. */
        public boolean pending() {
            return "pending".equals(status);
        }
    }

    /** Seed 004 machine_usage_summary: one machine's usage at a glance. */
    public record Summary(UUID machineId, long usageCount, long partsUsed, BigDecimal totalQuantity,
                         Instant lastUsedAt) {
    }

    /** One part used on a machine: how much in all, how often, when last. */
    public record PartTotal(UUID itemId, String sku, String itemName, int unitDecimals, BigDecimal quantity,
                            long usageCount, Instant lastUsedAt) {
    }

    private record Machine(UUID id, UUID organizationId, String serialNumber, String name, String status) {
    }

    private static final String SELECT = """
            SELECT u.id, u.machine_id, m.name AS machine_name, m.serial_number, u.organization_id,
                   o.name AS organization_name, u.location_id AS warehouse_id, l.name AS warehouse_name, u.item_id,
                   i.sku, i.name AS item_name, i.unit_decimals, u.quantity, u.used_at, u.notes, u.recorded_by,
                   r.name AS recorded_by_name, u.posting_id, u.created_at, u.status, u.approval_id
            FROM part_usage u
            JOIN machines m ON m.tenant_id = u.tenant_id AND m.id = u.machine_id
            JOIN platform_partner_organizations o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id
            JOIN inventory_locations l ON l.tenant_id = u.tenant_id AND l.id = u.location_id
            JOIN catalog_items i ON i.tenant_id = u.tenant_id AND i.id = u.item_id
            LEFT JOIN platform_users r ON r.tenant_id = u.tenant_id AND r.id = u.recorded_by""";

    private final JdbcClient jdbc;
    private final MovementApprovals approvals;
    private final Idempotency idempotency;

    PartUsage(JdbcClient jdbc, MovementApprovals approvals, Idempotency idempotency) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.idempotency = idempotency;
    }

    /**
     * The API comes through here ({@code collection}: the path the new record is found under): a retry with the same key records once. Keys are kept per organization (staff
     * share one scope), so one partner's key never replays another's answer.
     */
    ResponseEntity<?> record(String key, UsageRequest request, String collection) {
        String scope = "service.part-usage:" + TenantContext.current()
                .map(TenantContext.Scope::partnerId).map(UUID::toString).orElse("staff");
        return idempotency.run(scope, key, request, () -> {
            UsageView created = record(request);
            return ResponseEntity.status(created.pending() ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                    .location(URI.create(collection + "/" + created.id())).body(created);
        });
    }

    /**
     * Records usage on a machine from a warehouse of the machine's own organization and takes the parts out of that
     * warehouse's stock, or keeps the record pending when an approval rule holds the posting back. A machine or
     * warehouse out of the caller's sight is refused as unknown; nothing is posted.
     */
    @Transactional
    public UsageView record(UsageRequest request) {
        Machine machine = machine(request.machineId());
        requireWarehouseOf(machine, request.warehouseId());
        UUID id = Ids.next();
        MovementApprovals.Outcome outcome = post(id, machine, request);
        jdbc.sql("""
                        INSERT INTO part_usage (tenant_id, id, organization_id, machine_id, location_id, item_id,
                                                quantity, used_at, notes, recorded_by, posting_id, status, approval_id)
                        VALUES (:tenant, :id, :organization, :machine, :location, :item, :quantity,
                                coalesce(:usedAt, now()), :notes, :user, :posting, :status, :approval)""")
                .param("tenant", TenantContext.tenantId()).param("id", id)
                .param("organization", machine.organizationId()).param("machine", machine.id())
                .param("location", request.warehouseId()).param("item", request.itemId())
                .param("quantity", request.quantity())
                .param("usedAt", request.usedAt() == null ? null : Timestamp.from(request.usedAt()))
                .param("notes", Text.blankToNull(request.notes()))
                .param("user", TenantContext.userId().orElse(null))
                .param("posting", outcome.waiting() ? null : outcome.posted().postingId())
                .param("status", outcome.waiting() ? "pending" : "posted").param("approval", outcome.approvalId())
                .update();
        return get(id);
    }

    /** The approvals flow decided on a held-back record: posted with its posting, or rejected with nothing posted. */
    @EventListener
    void on(MovementDecided decided) {
        if (!DOCUMENT.equals(decided.documentType())) {
            return;
        }
        jdbc.sql("""
                        UPDATE part_usage SET status = :status, posting_id = :posting
                        WHERE tenant_id = :tenant AND id = :id AND status = 'pending'""")
                .param("status", decided.approved() ? "posted" : "rejected").param("posting", decided.postingId())
                .param("tenant", TenantContext.tenantId()).param("id", decided.documentId())
                .update();
    }

    /**
     * The one place usage moves stock: a PART_USAGE issue from the warehouse, the usage as the posting's document
     * and the machine in its note, so the ledger row leads to the machine. Refused (409 insufficient-stock) when the
     * stock is not there, unless the company allows negative stock; held back when an approval rule says so.
     */
    private MovementApprovals.Outcome post(UUID usageId, Machine machine, UsageRequest request) {
        return approvals.submit(new StockPostings.Posting(DOCUMENT, DOCUMENT, usageId, null,
                machine.serialNumber() + " · " + machine.name(), List.of(StockPostings.Line.out(
                        request.warehouseId(), request.itemId(), MovementType.PART_USAGE, request.quantity()))));
    }

    @Transactional(readOnly = true)
    public UsageView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UsageView.class).optional()
                .orElseThrow(() -> new NotFoundException("Part usage"));
    }

    /** Newest first; of one machine or organization when given. */
    @Transactional(readOnly = true)
    public CursorPage<UsageView> list(UUID machineId, UUID organizationId, UUID before, int limit) {
        List<UsageView> rows = jdbc.sql(SELECT + """
                         WHERE (CAST(:machine AS uuid) IS NULL OR u.machine_id = :machine)
                          AND (CAST(:organization AS uuid) IS NULL OR u.organization_id = :organization)
                          AND (CAST(:before AS uuid) IS NULL OR u.id < :before)
                        ORDER BY u.id DESC LIMIT :limit""")
                .param("machine", machineId).param("organization", organizationId).param("before", before)
                .param("limit", limit + 1).query(UsageView.class).list();
        return CursorPage.of(rows, limit, UsageView::id);
    }

    /** The machine's usage at a glance (404 for a machine out of sight). */
    @Transactional(readOnly = true)
    public Summary summary(UUID machineId) {
        return jdbc.sql("""
                        SELECT machine_id, usage_count, parts_used, total_quantity, last_used_at
                        FROM machine_usage_summary WHERE machine_id = :machine""")
                .param("machine", machineId).query(Summary.class).optional()
                .orElseThrow(() -> new NotFoundException("Machine"));
    }

    /** The usage summary of every machine in sight. */
    @Transactional(readOnly = true)
    public List<Summary> summaries() {
        return jdbc.sql("SELECT machine_id, usage_count, parts_used, total_quantity, last_used_at FROM machine_usage_summary")
                .query(Summary.class).list();
    }

    /** The parts used on the machine, most used first. */
    @Transactional(readOnly = true)
    public List<PartTotal> parts(UUID machineId) {
        return jdbc.sql("""
                        SELECT u.item_id, i.sku, i.name AS item_name, i.unit_decimals, sum(u.quantity) AS quantity,
                               count(*) AS usage_count, max(u.used_at) AS last_used_at
                        FROM part_usage u
                        JOIN catalog_items i ON i.tenant_id = u.tenant_id AND i.id = u.item_id
                        WHERE u.machine_id = :machine AND u.status = 'posted'
                        GROUP BY u.item_id, i.sku, i.name, i.unit_decimals
                        ORDER BY count(*) DESC, i.sku""")
                .param("machine", machineId).query(PartTotal.class).list();
    }

    private Machine machine(UUID id) {
        Machine machine = jdbc.sql("SELECT id, organization_id, serial_number, name, status FROM machines WHERE id = :id")
                .param("id", id).query(Machine.class).optional()
                .orElseThrow(() -> Problems.of(MachineProblem.USAGE_UNKNOWN_MACHINE, "No machine " + id + " of yours"));
        if ("decommissioned".equals(machine.status())) {
            throw Problems.of(MachineProblem.MACHINE_DECOMMISSIONED,
                    "Machine " + machine.serialNumber() + " is decommissioned");
        }
        return machine;
    }

    /** The warehouse must be one the caller sees, of the machine's organization. */
    private void requireWarehouseOf(Machine machine, UUID warehouseId) {
        UUID owner = jdbc.sql("SELECT organization_id FROM inventory_locations WHERE id = :id")
                .param("id", warehouseId).query(UUID.class).optional().orElse(null);
        if (!Objects.equals(owner, machine.organizationId())) {
            throw Problems.of(MachineProblem.USAGE_FOREIGN_WAREHOUSE, "No warehouse " + warehouseId
                    + " of the organization that owns machine " + machine.serialNumber());
        }
    }
}
