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

    /**
     * As {@link #current()}, and locks the tenant's row (not its keys) until the caller's transaction ends: a module
     * that checks a plan limit (items, locations) before it creates makes concurrent creations wait for each other,
     * so two cannot both take the last place. Runs only within the caller's transaction.
     */
    TenantSettings currentLocked();

    /** Sets the value above which a stock adjustment waits for approval (null: never), as the settings page does. */
    TenantSettings changeAdjustmentApprovalThreshold(BigDecimal threshold);
}
