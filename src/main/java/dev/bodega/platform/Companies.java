package dev.bodega.platform;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Companies and their users, for another module that sets one up (the demo company): the same sign-up as the
 * public page, with the company's default roles.
 */
public interface Companies {

    /** {@code source} is recorded as the audit's user agent. */
    record NewCompany(String slug, String name, String adminName, String adminEmail, String password, String locale,
                      String source) {
    }

    /** {@code roles}: the company's default roles by code (admin, manager, seller, technician, viewer). */
    record Created(UUID tenantId, UUID adminId, Map<String, UUID> roles) {
    }

    /** Throws a 409 problem {@code slug-taken} when the slug is taken. */
    Created signUp(NewCompany company);

    /** Another user of the company, holding one role. */
    UUID addUser(UUID tenantId, String email, String name, String password, UUID roleId);

    /** Creates a user of a partner organization holding a partner role ("partner_admin", "partner_user"). */
    UUID addPartnerUser(UUID tenantId, UUID organizationId, String email, String name, String password, String role);

    /** The current tenant's active user with this email. */
    Optional<UUID> userId(String email);
}
