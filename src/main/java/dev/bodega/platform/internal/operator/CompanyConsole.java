package dev.bodega.platform.internal.operator;

import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.platform.UsageFigure;
import dev.bodega.platform.internal.audit.TenantRowChanges;
import dev.bodega.platform.internal.identity.AuthChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What operators see and set of the companies: plan, limits, status and usage counts, never business data. Every
 * company is listed through operator_companies() (V183); a company's own row is changed in its tenant context, so
 * each change is recorded in that company's audit log ({@link TenantRowChanges}).
 */
@Service
class CompanyConsole {

    static final Set<String> PLANS = Set.of("starter", "pro", "enterprise");
    static final List<String> STATUSES = List.of("active", "suspended", "cancelled");

    record Company(UUID id, String slug, String name, String plan, String status, Instant createdAt, int maxUsers,
                   int maxLocations, int maxItems, int maxCustomerOrganizations, Integer maxStockMovementsPerYear,
                   Integer maxMachines) {
    }

    /** {@code figures}: users, then each module's {@link UsageFigure}; {@code storage}: see {@link StorageMeter}. */
    record Usage(Map<String, Long> figures, StorageMeter.Measure storage) {
    }

    /** A null limit of movements or machines: none. */
    record Limits(String plan, int maxUsers, int maxLocations, int maxItems, int maxCustomerOrganizations,
                  Integer maxStockMovementsPerYear, Integer maxMachines) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TenantSettingsService settings;
    private final List<UsageFigure> figures;
    private final StorageMeter storage;
    private final AuthChanges authChanges;

    CompanyConsole(JdbcClient jdbc, TransactionTemplate transactions, TenantSettingsService settings,
                   List<UsageFigure> figures, StorageMeter storage, AuthChanges authChanges) {
        this.authChanges = authChanges;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.figures = figures;
        this.storage = storage;
    }

    /** Companies whose slug or name contains {@code search} (all when blank), by slug, a page at a time. */
    List<Company> list(String search, int offset, int limit) {
        String like = "%" + (search == null ? "" : search.trim().toLowerCase(Locale.ROOT)) + "%";
        return transactions.execute(tx -> jdbc.sql("""
                        SELECT * FROM operator_companies()
                        WHERE lower(slug) LIKE :like OR lower(name) LIKE :like
                        ORDER BY slug OFFSET :offset LIMIT :limit""")
                .param("like", like).param("offset", offset).param("limit", limit)
                .query(Company.class).list());
    }

    Company find(UUID id) {
        return transactions.execute(tx -> jdbc.sql("SELECT * FROM operator_companies() WHERE id = :id")
                .param("id", id).query(Company.class).optional()
                .orElseThrow(() -> new NotFoundException("Company")));
    }

    Usage usage(UUID tenantId) {
        return TenantContext.callAs(TenantContext.Scope.system(tenantId), () -> transactions.execute(tx -> {
            TenantSettings company = settings.current();
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("users", jdbc.sql("SELECT count(*) FROM users WHERE tenant_id = :t AND active AND deleted_at IS NULL")
                    .param("t", tenantId).query(Long.class).single());
            figures.forEach(f -> counts.put(f.key(), f.count(company)));
            return new Usage(counts, storage.of(tenantId));
        }));
    }

    void changeLimits(UUID tenantId, Limits limits, String clientIp, String operatorEmail) {
        if (!PLANS.contains(limits.plan()) || limits.maxUsers() < 1 || limits.maxLocations() < 1 || limits.maxItems() < 1
                || limits.maxCustomerOrganizations() < 1
                || (limits.maxStockMovementsPerYear() != null && limits.maxStockMovementsPerYear() < 1)
                || (limits.maxMachines() != null && limits.maxMachines() < 1)) {
            throw Problems.of(PlatformProblem.VALIDATION, "A plan is starter, pro or enterprise; limits are at least 1");
        }
        inCompany(tenantId, clientIp, operatorEmail, () -> TenantRowChanges.update(jdbc, """
                        plan = :plan, max_users = :users, max_locations = :locations, max_items = :items,
                        max_customer_organizations = :customers, max_stock_movements_per_year = :movements,
                        max_machines = :machines, version = version + 1, updated_at = now()""")
                .param("plan", limits.plan()).param("users", limits.maxUsers())
                .param("locations", limits.maxLocations()).param("items", limits.maxItems())
                .param("customers", limits.maxCustomerOrganizations())
                .param("movements", limits.maxStockMovementsPerYear()).param("machines", limits.maxMachines())
                .param("id", tenantId).query().listOfRows());
    }

    /** Suspends, cancels or reactivates: a company not active can neither sign in nor use the API (ActorFilter). */
    void changeStatus(UUID tenantId, String status, String clientIp, String operatorEmail) {
        if (!STATUSES.contains(status)) {
            throw Problems.of(PlatformProblem.VALIDATION, "status: active, suspended or cancelled");
        }
        // Recorded in the audit log by the same statement; the API keys' memory drops the company's standing at commit.
        inCompany(tenantId, clientIp, operatorEmail, () -> {
            authChanges.madeHere();
            TenantRowChanges.update(jdbc, "status = :status, version = version + 1, updated_at = now()",
                            "status <> :status", null)
                    .param("status", status).param("id", tenantId).query().listOfRows();
        });
    }

    /** The company's audit log names the operator where a user's browser would be. */
    private void inCompany(UUID tenantId, String clientIp, String operatorEmail, Runnable change) {
        find(tenantId);
        TenantContext.runAs(new TenantContext.Scope(tenantId, null, clientIp, "operator " + operatorEmail),
                () -> transactions.executeWithoutResult(tx -> change.run()));
    }
}
