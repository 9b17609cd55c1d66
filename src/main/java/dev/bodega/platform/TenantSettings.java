package dev.bodega.platform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * The current tenant's company settings (seed 000 "configuracion", seed 001/002
 * organization and tenant settings). Plan, status and limits are set by the
 * operator, the rest by the tenant's admins. {@code adjustmentApprovalThreshold}:
 * a stock adjustment worth more than this waits for another user's approval;
 * null means adjustments never need one. {@code taxId}: the company's tax id for its invoices, or null.
 * {@code maxCustomerOrganizations}: the plan's limit on customer partner organizations (seed 004: 100).
 * {@code maxStockMovementsPerYear}: the plan's limit on stock ledger rows in a calendar year (seed 004: 7,500), or
 * null for none. {@code maxMachines}: the plan's limit on customers' machines (seed 004: 150), or null for none.
 */
public record TenantSettings(String name, String slug, String plan, String status, String currency,
                             BigDecimal taxRate, boolean pricesIncludeTax, String locale, String timeZone,
                             boolean allowNegativeStock, BigDecimal adjustmentApprovalThreshold, int maxUsers,
                             int maxLocations, int maxItems, long version, String taxId,
                             int maxCustomerOrganizations, Integer maxStockMovementsPerYear, Integer maxMachines) {

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    /** The company's day now: its own date, which until its midnight is not UTC's. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zoneId()));
    }

    /** The company's language, in which what it sends (notices, mail, documents) is written. */
    public Locale language() {
        return Locale.forLanguageTag(locale);
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }
}
