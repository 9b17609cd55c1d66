package dev.bodega.sales.internal.invoicing;

import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.sales.internal.SalesProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoice series, one numbering per point of sale. A number is taken with one
 * {@code UPDATE ... RETURNING} inside the completing transaction: the row lock
 * serializes the tills of one series, a rollback returns the number, and the
 * counter lives in the database, so numbers are gapless and unique across restarts.
 */
@Service
public class InvoiceSeriesStore {

    record SeriesView(UUID id, String code, UUID locationId, String locationName, long nextNumber,
                      boolean isDefault, boolean active, Instant createdAt, long version) {
    }

    /** A new series; the first of a location becomes its default unless said otherwise. */
    record NewSeries(@NotBlank(message = "{series.code.required}")
                     @Pattern(regexp = "^[A-Za-z0-9]{1,10}$", message = "{series.code.invalid}") String code,
                     @NotNull(message = "{series.location.required}") UUID locationId,
                     Boolean isDefault,
                     @Positive Long firstNumber) {
    }

    private static final String SELECT = """
            SELECT s.id, s.code, s.location_id, l.name AS location_name, s.next_number, s.is_default, s.active,
                   s.created_at, s.version
            FROM invoice_series s JOIN inventory_locations l ON l.tenant_id = s.tenant_id AND l.id = s.location_id
            """;

    private final JdbcClient jdbc;

    InvoiceSeriesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<SeriesView> list(UUID locationId) {
        return jdbc.sql(SELECT + " WHERE (CAST(:location AS uuid) IS NULL OR s.location_id = :location) ORDER BY s.code")
                .param("location", locationId).query(InvoiceSeriesStore::row).list();
    }

    @Transactional(readOnly = true)
    public SeriesView get(UUID id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(InvoiceSeriesStore::row).optional()
                .orElseThrow(() -> new NotFoundException("Invoice series"));
    }

    @Transactional
    public SeriesView create(NewSeries series) {
        requireLocation(series.locationId());
        boolean makeDefault = series.isDefault() != null ? series.isDefault() : defaultOf(series.locationId()).isEmpty();
        if (makeDefault) {
            clearDefault(series.locationId());
        }
        UUID id = Ids.next();
        try {
            jdbc.sql("""
                            INSERT INTO invoice_series (tenant_id, id, code, location_id, next_number, is_default)
                            VALUES (:tenant, :id, :code, :location, :next, :isDefault)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("code", series.code().toUpperCase(Locale.ROOT)).param("location", series.locationId())
                    .param("next", series.firstNumber() == null ? 1L : series.firstNumber())
                    .param("isDefault", makeDefault)
                    .update();
        } catch (DuplicateKeyException e) {
            throw Problems.of(SalesProblem.SERIES_CODE_TAKEN,
                    "Another invoice series already has the code " + series.code());
        }
        return get(id);
    }

    /** Makes the series its location's default one (the series a sale takes when it names none). */
    @Transactional
    public SeriesView makeDefault(UUID id) {
        SeriesView series = get(id);
        if (!series.active()) {
            throw Problems.of(SalesProblem.SERIES_INACTIVE, "An inactive series cannot be the default");
        }
        clearDefault(series.locationId());
        jdbc.sql("""
                        UPDATE invoice_series SET is_default = true, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", TenantContext.tenantId())
                .param("id", id).update();
        return get(id);
    }

    /**
     * The series a sale at {@code locationId} numbers in: the one named (which must belong to that location),
     * else the location's default, created as the next free "F001"-style code when the location has none.
     */
    public UUID forSale(UUID seriesId, UUID locationId) {
        if (seriesId != null) {
            record Found(UUID locationId, boolean active) {
            }
            Found found = jdbc.sql("SELECT location_id, active FROM invoice_series WHERE tenant_id = :tenant AND id = :id")
                    .param("tenant", TenantContext.tenantId()).param("id", seriesId).query(Found.class).optional()
                    .orElseThrow(() -> Problems.of(SalesProblem.UNKNOWN_SERIES,
                            "Invoice series " + seriesId + " does not exist"));
            if (!found.locationId().equals(locationId) || !found.active()) {
                throw Problems.of(SalesProblem.SERIES_NOT_USABLE,
                        "The invoice series is not an active series of this location");
            }
            return seriesId;
        }
        return defaultOf(locationId).orElseGet(() -> createDefault(locationId));
    }

    /** Takes the next number of the series; the row stays locked until the sale commits or rolls back. */
    long take(UUID seriesId) {
        return jdbc.sql("""
                        UPDATE invoice_series SET next_number = next_number + 1
                        WHERE tenant_id = :tenant AND id = :id AND active RETURNING next_number - 1""")
                .param("tenant", TenantContext.tenantId())
                .param("id", seriesId).query(Long.class).optional()
                .orElseThrow(() -> Problems.of(SalesProblem.SERIES_INACTIVE, "The invoice series is no longer active"));
    }

    private Optional<UUID> defaultOf(UUID locationId) {
        return jdbc.sql("SELECT id FROM invoice_series WHERE tenant_id = :tenant AND location_id = :location AND is_default")
                .param("tenant", TenantContext.tenantId()).param("location", locationId).query(UUID.class).optional();
    }

    /**
     * Two first sales at a new location may race here: ON CONFLICT waits for the other insert and yields,
     * and the next statement sees the winner's series.
     */
    private UUID createDefault(UUID locationId) {
        int taken = jdbc.sql("SELECT count(*) FROM invoice_series").query(Integer.class).single();
        for (int n = taken + 1; n < taken + 1000; n++) {
            Optional<UUID> created = jdbc.sql("""
                            INSERT INTO invoice_series (tenant_id, id, code, location_id, is_default)
                            VALUES (:tenant, :id, :code, :location, true)
                            ON CONFLICT DO NOTHING RETURNING id""")
                    .param("tenant", TenantContext.tenantId()).param("id", Ids.next())
                    .param("code", "F" + String.format(Locale.ROOT, "%03d", n)).param("location", locationId)
                    .query(UUID.class).optional();
            if (created.isPresent()) {
                return created.get();
            }
            Optional<UUID> existing = defaultOf(locationId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw new IllegalStateException("No free invoice series code");
    }

    private void clearDefault(UUID locationId) {
        jdbc.sql("""
                        UPDATE invoice_series SET is_default = false, version = version + 1, updated_at = now()
                        WHERE tenant_id = :tenant AND location_id = :location AND is_default""")
                .param("tenant", TenantContext.tenantId())
                .param("location", locationId).update();
    }

    private void requireLocation(UUID locationId) {
        if (jdbc.sql("SELECT count(*) FROM inventory_locations WHERE id = :id").param("id", locationId).query(Integer.class).single() == 0) {
            throw Problems.of(SalesProblem.UNKNOWN_LOCATION, "Location " + locationId + " does not exist");
        }
    }

    private static SeriesView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SeriesView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("location_id", UUID.class),
                rs.getString("location_name"), rs.getLong("next_number"), rs.getBoolean("is_default"),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }
}
