package dev.bodega.platform.internal.secrets;

import dev.bodega.platform.SecretHolder;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Re-encrypts every stored secret with the current primary key: each {@link SecretHolder}, once per company, in
 * that company's context. One transaction per company, so a failure leaves the others done (and running it again
 * is harmless: a value is only ever re-encrypted with the key that is primary).
 */
@Component
class SecretsReencryption {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TinkSecrets secrets;
    private final List<SecretHolder> holders;

    SecretsReencryption(JdbcClient jdbc, TransactionTemplate transactions, TinkSecrets secrets,
                        List<SecretHolder> holders) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
        this.holders = holders;
    }

    /** Returns how many values were re-encrypted. */
    int reencryptAll() {
        return reencryptAll(holders);
    }

    int reencryptAll(Collection<SecretHolder> with) {
        int total = 0;
        for (UUID tenant : tenants()) {
            total += TenantContext.callAs(TenantContext.Scope.system(tenant), () -> transactions.execute(tx ->
                    with.stream().mapToInt(holder -> holder.reencrypt(secrets)).sum()));
        }
        return total;
    }

    private List<UUID> tenants() {
        return transactions.execute(tx -> jdbc.sql("SELECT platform_tenant_ids()").query(UUID.class).list());
    }
}
