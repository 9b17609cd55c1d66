package dev.bodega.platform.internal.identity;

import dev.bodega.platform.Companies;
import dev.bodega.platform.Ids;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Public sign-up: a new tenant, its default roles and its first admin, in one transaction. */
@Service
public class SignupService implements Companies {

    public record Signup(String slug, String companyName, String adminName, String email, String password,
                         String locale) {
    }

    private final Tenants tenants;
    private final Users users;
    private final DefaultRoles defaultRoles;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final PartnerPeople partners;

    SignupService(Tenants tenants, Users users, DefaultRoles defaultRoles, PasswordEncoder passwords,
                  TransactionTemplate transactions,
                  PartnerPeople partners) {
        this.partners = partners;
        this.tenants = tenants;
        this.users = users;
        this.defaultRoles = defaultRoles;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    /** Throws a 409 problem when the slug is taken; the caller validates the fields first. */
    public Created signUp(Signup signup, String clientIp, String userAgent) {
        UUID tenantId = Ids.next();
        var scope = new TenantContext.Scope(tenantId, null, clientIp, userAgent);
        try {
            return TenantContext.callAs(scope, () -> transactions.execute(tx -> {
                tenants.insert(tenantId, signup.slug(), signup.companyName().trim(), signup.locale());
                Map<String, UUID> roles = defaultRoles.create(tenantId);
                UUID admin = users.insert(tenantId, signup.email(), signup.adminName().trim(), null,
                        passwords.encode(signup.password()), false);
                users.grantRole(tenantId, admin, roles.get("admin"));
                return new Created(tenantId, admin, roles);
            }));
        } catch (DuplicateKeyException e) {
            throw Problems.of(PlatformProblem.SLUG_TAKEN, "The company identifier '" + signup.slug() + "' is already taken");
        }
    }

    @Override
    public Created signUp(NewCompany company) {
        return signUp(new Signup(company.slug(), company.name(), company.adminName(), company.adminEmail(),
                company.password(), company.locale()), null, company.source());
    }

    /** Creates another user with the given roles (demo data and tests; the users page has its own path). */
    @Override
    public UUID addUser(UUID tenantId, String email, String name, String password, UUID roleId) {
        return TenantContext.callAs(TenantContext.Scope.system(tenantId), () -> transactions.execute(tx -> {
            UUID id = users.insert(tenantId, email, name, null, passwords.encode(password), false);
            users.grantRole(tenantId, id, roleId);
            return id;
        }));
    }

    @Override
    public UUID addPartnerUser(UUID tenantId, UUID organizationId, String email, String name, String password,
                               String role) {
        return TenantContext.callAs(TenantContext.Scope.system(tenantId), () -> transactions.execute(tx -> {
            UUID id = users.insert(tenantId, email, name, null, passwords.encode(password), false);
            users.joinOrganization(id, organizationId);
            users.grantRole(tenantId, id, partners.roleId(role));
            return id;
        }));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> userId(String email) {
        return users.activeId(email);
    }
}
