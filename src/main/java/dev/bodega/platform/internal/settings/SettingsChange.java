package dev.bodega.platform.internal.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.bodega.platform.TenantSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * What a tenant may change in its settings, for the API and the page alike.
 * Read-only fields a client echoes back from GET (plan, limits) are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SettingsChange(
        @NotBlank(message = "{settings.name.required}") @Size(max = 200, message = "{settings.name.tooLong}")
        String name,
        @NotNull(message = "{settings.currency.invalid}") @CurrencyCode(message = "{settings.currency.invalid}")
        String currency,
        @NotNull(message = "{settings.taxRate.invalid}")
        @DecimalMin(value = "0", message = "{settings.taxRate.invalid}")
        @DecimalMax(value = "100", inclusive = false, message = "{settings.taxRate.invalid}")
        @Digits(integer = 2, fraction = 2, message = "{settings.taxRate.invalid}")
        BigDecimal taxRate,
        @NotNull(message = "{settings.required}")
        Boolean pricesIncludeTax,
        @NotNull(message = "{settings.locale.invalid}") @Pattern(regexp = "es|en", message = "{settings.locale.invalid}")
        String locale,
        @NotNull(message = "{settings.timeZone.invalid}") @TimeZoneId(message = "{settings.timeZone.invalid}")
        String timeZone,
        @NotNull(message = "{settings.required}")
        Boolean allowNegativeStock,
        // Absent or empty: stock adjustments never wait for approval.
        @DecimalMin(value = "0", message = "{stockops.settings.threshold.invalid}")
        @Digits(integer = 12, fraction = 2, message = "{stockops.settings.threshold.invalid}")
        BigDecimal adjustmentApprovalThreshold,
        // Absent or empty: the invoices carry no tax id.
        @Size(max = 40, message = "{settings.taxId.tooLong}")
        String taxId) {

    static SettingsChange of(TenantSettings settings) {
        return new SettingsChange(settings.name(), settings.currency(), settings.taxRate(),
                settings.pricesIncludeTax(), settings.locale(), settings.timeZone(), settings.allowNegativeStock(),
                settings.adjustmentApprovalThreshold(), settings.taxId());
    }

    SettingsChange withAdjustmentApprovalThreshold(BigDecimal threshold) {
        return new SettingsChange(name, currency, taxRate, pricesIncludeTax, locale, timeZone, allowNegativeStock,
                threshold, taxId);
    }
}
