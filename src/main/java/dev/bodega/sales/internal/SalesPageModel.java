package dev.bodega.sales.internal;

import dev.bodega.platform.Actor;
import dev.bodega.platform.Money;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.internal.cash.CashSessionsPageController;
import dev.bodega.sales.internal.customers.CustomersPageController;
import dev.bodega.sales.internal.reports.SalesReportsPageController;
import dev.bodega.sales.internal.selling.SalesPageController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the sales and customers pages share: the company and its currency's decimals. */
@ControllerAdvice(assignableTypes = {SalesPageController.class, CustomersPageController.class,
        SalesReportsPageController.class, CashSessionsPageController.class})
public class SalesPageModel {

    /** The sales pages' own words for a problem are {@code sales.problem.<slug>}. */
    public static final String AREA = "sales";

    private final TenantSettingsService settings;

    SalesPageModel(TenantSettingsService settings) {
        this.settings = settings;
    }

    @ModelAttribute("company")
    TenantSettings company() {
        return Actor.current().map(actor -> settings.current()).orElse(null);
    }

    /** Decimals of the company's money, as the sale arithmetic rounds it. */
    @ModelAttribute("decimals")
    Integer decimals() {
        return Actor.current().map(actor -> Money.decimals(settings.current().currency())).orElse(2);
    }
}
