package dev.bodega.platform.internal.operator;

import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettingsService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page of a company an operator looks into says whose it is and that it is read-only, with the way out
 * ({@code POST /operator/close}): an operator must never take a company's page for the console, nor forget to leave.
 */
@ControllerAdvice(annotations = Controller.class)
class OperatorViewBanner {

    private final TenantSettingsService settings;

    OperatorViewBanner(TenantSettingsService settings) {
        this.settings = settings;
    }

    /** The company's name while an operator looks into it (OperatorViews has opened its tenant), else null. */
    @ModelAttribute("operatorViewing")
    String company() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof OperatorView
                && TenantContext.current().isPresent() ? settings.current().name() : null;
    }
}
