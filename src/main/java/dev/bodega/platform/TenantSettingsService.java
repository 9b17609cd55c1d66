package dev.bodega.platform;

import java.math.BigDecimal;

/**
 * The current tenant's settings for every module (sales needs the currency
 * and tax, inventory whether stock may go negative).
 */
public interface TenantSettingsService {

    /**
     * The settings of the tenant in {@link TenantContext}, read within the
     * caller's transaction if there is one (so a posting sees the rule it runs under).
     *
     * @throws IllegalStateException when no tenant is set
     */
    TenantSettings current();

    /** Sets the value above which a stock adjustment waits for approval (null: never), as the settings page does. */
    TenantSettings changeAdjustmentApprovalThreshold(BigDecimal threshold);
}
