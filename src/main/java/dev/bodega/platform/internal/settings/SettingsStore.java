package dev.bodega.platform.internal.settings;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.Text;
import dev.bodega.platform.internal.audit.TenantRowChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The tenant's own row in {@code tenants}: row-level security lets a tenant see and change only itself. */
@Service
class SettingsStore implements TenantSettingsService {

    private static final String COLUMNS = """
            name, slug, plan, status, currency, tax_rate, prices_include_tax, locale, time_zone,
            allow_negative_stock, adjustment_approval_threshold, max_users, max_locations, max_items, version, tax_id,
            max_customer_organizations, max_stock_movements_per_year, max_machines""";

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public TenantSettings current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE id = :id")
                .param("id", TenantContext.tenantId())
                .query(SettingsStore::settings).optional()
                .orElseThrow(() -> new NotFoundException("Tenant"));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public TenantSettings currentLocked() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenants WHERE id = :id FOR NO KEY UPDATE")
                .param("id", TenantContext.tenantId())
                .query(SettingsStore::settings).optional()
                .orElseThrow(() -> new NotFoundException("Tenant"));
    }

    @Override
    @Transactional
    public TenantSettings changeAdjustmentApprovalThreshold(BigDecimal threshold) {
        TenantSettings current = current();
        return update(SettingsChange.of(current).withAdjustmentApprovalThreshold(threshold), current.version());
    }

    /** Changes what a tenant may change; plan, status and limits stay as the operator set them. */
    @Transactional
    public TenantSettings update(SettingsChange change, long expectedVersion) {
        return TenantRowChanges.update(jdbc, """
                        name = :name, currency = :currency, tax_rate = :taxRate, prices_include_tax = :pricesIncludeTax,
                        locale = :locale, time_zone = :timeZone, allow_negative_stock = :allowNegativeStock,
                        adjustment_approval_threshold = :adjustmentApprovalThreshold, tax_id = :taxId,
                        version = version + 1, updated_at = now()""", "version = :version", COLUMNS)
                .param("name", change.name().trim()).param("currency", change.currency())
                .param("taxRate", change.taxRate()).param("pricesIncludeTax", change.pricesIncludeTax())
                .param("locale", change.locale()).param("timeZone", change.timeZone())
                .param("allowNegativeStock", change.allowNegativeStock())
                .param("adjustmentApprovalThreshold", change.adjustmentApprovalThreshold())
                .param("taxId", Text.blankToNull(change.taxId()))
                .param("id", TenantContext.tenantId()).param("version", expectedVersion)
                .query(SettingsStore::settings).optional()
                .orElseThrow(Problems::staleVersion);
    }

    /**
     * Explicit: every sale reads the settings, and the generic mapper found and converted their 19 columns by
     * reflection each time (issue 17's profile).
     */
    private static TenantSettings settings(ResultSet rs, int row) throws SQLException {
        return new TenantSettings(rs.getString("name"), rs.getString("slug"), rs.getString("plan"),
                rs.getString("status"), rs.getString("currency"), rs.getBigDecimal("tax_rate"),
                rs.getBoolean("prices_include_tax"), rs.getString("locale"), rs.getString("time_zone"),
                rs.getBoolean("allow_negative_stock"), rs.getBigDecimal("adjustment_approval_threshold"),
                rs.getInt("max_users"), rs.getInt("max_locations"), rs.getInt("max_items"), rs.getLong("version"),
                rs.getString("tax_id"), rs.getInt("max_customer_organizations"),
                rs.getObject("max_stock_movements_per_year", Integer.class), rs.getObject("max_machines", Integer.class));
    }
}
