package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Actor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the users, roles and profile pages share: times are shown in the company's time zone. */
@ControllerAdvice(assignableTypes = {UsersPageController.class, RolesPageController.class, ProfilePageController.class})
class IdentityPageModel {

    private final Tenants tenants;

    IdentityPageModel(Tenants tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return Actor.current().map(actor -> tenants.timeZone(actor.tenantId())).orElse(ZoneOffset.UTC);
    }
}
