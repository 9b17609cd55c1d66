package dev.bodega.service.internal.machines;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PartnerDirectory;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Text;
import dev.bodega.platform.Versions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Machines owned by customer partner organizations (seed 004 machines): serial unique in the company, status,
 * warranty and maintenance dates, and their hours or counter readings over time.
 */
@Service
class Machines {

    static final List<String> STATUSES = List.of("active", "inactive", "maintenance", "decommissioned");
    static final List<String> READING_KINDS = List.of("hours", "counter");

    public record MachineView(UUID id, String serialNumber, String name, String model, UUID organizationId,
                              String organizationName, LocalDate purchaseDate, LocalDate warrantyExpiry, String status,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastMaintenance,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextMaintenance, String location, String notes,
                              Instant createdAt, Instant updatedAt, long version) {
    }

    public record MachineRequest(
            @NotBlank(message = "{machines.serial.required}") @Size(max = 100, message = "{field.too-long}") String serialNumber,
            @NotBlank(message = "{machines.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
            @NotBlank(message = "{machines.model.required}") @Size(max = 100, message = "{field.too-long}") String model,
            @NotNull(message = "{machines.organization.required}") UUID organizationId,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate purchaseDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate warrantyExpiry,
            @Pattern(regexp = "active|inactive|maintenance|decommissioned", message = "{machines.status.invalid}") String status,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastMaintenance,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextMaintenance,
            @Size(max = 255, message = "{field.too-long}") String location,
            @Size(max = 4000, message = "{field.too-long}") String notes) {
    }

    public record ReadingView(UUID id, String kind, BigDecimal value, Instant readAt, String recordedByName,
                              String notes) {
    }

    public record ReadingRequest(
            @NotNull(message = "{machines.reading.kind.invalid}")
            @Pattern(regexp = "hours|counter", message = "{machines.reading.kind.invalid}") String kind,
            @NotNull(message = "{machines.reading.value.required}")
            @PositiveOrZero(message = "{machines.reading.value.required}") BigDecimal value,
            Instant readAt,
            @Size(max = 1000, message = "{field.too-long}") String notes) {
    }

    private static final String SELECT = """
            SELECT m.id, m.serial_number, m.name, m.model, m.organization_id, o.name AS organization_name,
                   m.purchase_date, m.warranty_expiry, m.status, m.last_maintenance, m.next_maintenance, m.location,
                   m.notes, m.created_at, m.updated_at, m.version
            FROM machines m
            JOIN platform_partner_organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id""";

    private final JdbcClient jdbc;
    private final TenantSettingsService settings;
    private final PartnerDirectory partners;

    Machines(JdbcClient jdbc, TenantSettingsService settings, PartnerDirectory partners) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public CursorPage<MachineView> list(String q, UUID organizationId, String status, UUID before, int limit) {
        String pattern = q == null || q.isBlank() ? null : "%" + q.trim().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
        List<MachineView> rows = jdbc.sql(SELECT + """
                         WHERE (CAST(:q AS text) IS NULL OR m.serial_number ILIKE :q OR m.name ILIKE :q
                                OR m.model ILIKE :q)
                          AND (CAST(:organization AS uuid) IS NULL OR m.organization_id = :organization)
                          AND (CAST(:status AS text) IS NULL OR m.status = :status)
                          AND (CAST(:before AS uuid) IS NULL OR m.id < :before)
                        ORDER BY m.id DESC LIMIT :limit""")
                .param("q", pattern).param("organization", organizationId).param("status", Text.blankToNull(status))
                .param("before", before).param("limit", limit + 1)
                .query(MachineView.class).list();
        return CursorPage.of(rows, limit, MachineView::id);
    }

    @Transactional(readOnly = true)
    public MachineView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(MachineView.class).optional()
                .orElseThrow(() -> new NotFoundException("Machine"));
    }

    /** Customer organizations, by name: the only ones that own machines. */
    public List<PartnerDirectory.Organization> owners() {
        return partners.ofType("customer");
    }

    @Transactional
    public MachineView register(MachineRequest request) {
        check(request);
        requireRoom();
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO machines (tenant_id, id, serial_number, name, model, organization_id,
                                                  purchase_date, warranty_expiry, status, last_maintenance,
                                                  next_maintenance, location, notes)
                            VALUES (:tenant, :id, :serial, :name, :model, :organization, :purchaseDate,
                                    :warrantyExpiry, :status, :lastMaintenance, :nextMaintenance, :location, :notes)""")
                    .params(params(request)).param("tenant", TenantContext.tenantId()).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw serialTaken(request);
        }
        return get(id);
    }

    /** A plan with a limit locks the tenant row, so two registrations cannot both take the last place. */
    private void requireRoom() {
        if (settings.current().maxMachines() == null) {
            return;
        }
        int max = settings.currentLocked().maxMachines();
        long count = jdbc.sql("SELECT count(*) FROM machines WHERE tenant_id = :tenant")
                .param("tenant", TenantContext.tenantId()).query(Long.class).single();
        if (count >= max) {
            throw Problems.of(MachineProblem.MAX_MACHINES, "The company's plan allows " + max + " machines");
        }
    }

    @Transactional
    public MachineView update(UUID id, Long expectedVersion, MachineRequest request) {
        MachineView current = get(id);
        Versions.check(expectedVersion, current.version());
        check(request);
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE machines SET serial_number = :serial, name = :name, model = :model,
                                   organization_id = :organization, purchase_date = :purchaseDate,
                                   warranty_expiry = :warrantyExpiry, status = :status,
                                   last_maintenance = :lastMaintenance, next_maintenance = :nextMaintenance,
                                   location = :location, notes = :notes, version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .params(params(request)).param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("version", current.version()).update();
        } catch (DuplicateKeyException e) {
            throw serialTaken(request);
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** The machine's readings, newest first. */
    @Transactional(readOnly = true)
    public List<ReadingView> readings(UUID machineId) {
        get(machineId);
        return jdbc.sql("""
                        SELECT r.id, r.kind, r.value, r.read_at, u.name AS recorded_by_name, r.notes
                        FROM machine_readings r
                        LEFT JOIN platform_users u ON u.tenant_id = r.tenant_id AND u.id = r.recorded_by
                        WHERE r.machine_id = :machine ORDER BY r.read_at DESC, r.id DESC""")
                .param("machine", machineId).query(ReadingView.class).list();
    }

    /** Records a reading, now unless {@code readAt} dates it. */
    @Transactional
    public ReadingView addReading(UUID machineId, ReadingRequest request) {
        get(machineId);
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO machine_readings (tenant_id, id, machine_id, kind, value, read_at, recorded_by, notes)
                        VALUES (:tenant, :id, :machine, :kind, :value, coalesce(:readAt, now()), :user, :notes)""")
                .param("tenant", TenantContext.tenantId()).param("id", id).param("machine", machineId)
                .param("kind", request.kind()).param("value", request.value())
                .param("readAt", request.readAt() == null ? null : java.sql.Timestamp.from(request.readAt()))
                .param("user", TenantContext.userId().orElse(null)).param("notes", Text.blankToNull(request.notes()))
                .update();
        return readings(machineId).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Only a customer organization owns machines (seed 004 machine_customer_only). */
    private void check(MachineRequest request) {
        if (!partners.isOfType(request.organizationId(), "customer")) {
            throw Problems.of(MachineProblem.NOT_A_CUSTOMER, "Only a customer organization owns machines");
        }
        if (request.purchaseDate() != null && request.warrantyExpiry() != null
                && request.warrantyExpiry().isBefore(request.purchaseDate())) {
            throw Problems.of(MachineProblem.WARRANTY_BEFORE_PURCHASE, "The warranty cannot end before the purchase");
        }
    }

    private static Map<String, Object> params(MachineRequest r) {
        Map<String, Object> params = new HashMap<>();
        params.put("serial", r.serialNumber().trim());
        params.put("name", r.name().trim());
        params.put("model", r.model().trim());
        params.put("organization", r.organizationId());
        params.put("purchaseDate", r.purchaseDate());
        params.put("warrantyExpiry", r.warrantyExpiry());
        params.put("status", r.status() == null || r.status().isBlank() ? "active" : r.status());
        params.put("lastMaintenance", r.lastMaintenance());
        params.put("nextMaintenance", r.nextMaintenance());
        params.put("location", Text.blankToNull(r.location()));
        params.put("notes", Text.blankToNull(r.notes()));
        return params;
    }

    private static RuntimeException serialTaken(MachineRequest request) {
        return Problems.of(MachineProblem.SERIAL_TAKEN,
                "A machine with serial number '" + request.serialNumber().trim() + "' already exists");
    }
}
