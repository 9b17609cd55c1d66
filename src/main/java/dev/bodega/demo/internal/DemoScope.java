package dev.bodega.demo.internal;

import dev.bodega.platform.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.function.Supplier;

/** Demo work in one transaction of the demo company, as one of its users (null: the system), recorded as the seed. */
@Component
class DemoScope {

    /** The audit's user agent for everything the demo writes. */
    static final String SOURCE = "demo-seed";

    private final TransactionTemplate transactions;

    DemoScope(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    <T> T as(UUID tenant, UUID user, Supplier<T> work) {
        return TenantContext.callAs(new TenantContext.Scope(tenant, user, null, SOURCE),
                () -> transactions.execute(tx -> work.get()));
    }

    /** As a partner organization's user: behind its wall, as a request of that user would be. */
    void runAsPartner(UUID tenant, UUID user, UUID organization, Runnable work) {
        TenantContext.callAs(new TenantContext.Scope(tenant, user, null, SOURCE, organization),
                () -> transactions.execute(tx -> {
                    work.run();
                    return null;
                }));
    }

    void run(UUID tenant, UUID user, Runnable work) {
        as(tenant, user, () -> {
            work.run();
            return null;
        });
    }
}
