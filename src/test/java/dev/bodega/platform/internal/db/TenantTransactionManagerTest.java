package dev.bodega.platform.internal.db;

import dev.bodega.platform.TenantContext;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each transaction sends first: the context as SET LOCAL; where Citus is, after its propagation and followed by
 * the location rules that the workers' policies read.
 */
class TenantTransactionManagerTest {

    private final TenantContext.Scope scope = new TenantContext.Scope(UUID.randomUUID(), null, "10.0.0.1", "it's me");

    @Test
    void plainPostgresGetsTheContextAloneAndNothingWithoutOne() {
        String sql = TenantTransactionManager.setContext(scope, false);
        assertThat(sql).startsWith("SET LOCAL app.tenant_id = E'" + scope.tenantId() + "'; SET LOCAL app.user_id = E''")
                .contains("SET LOCAL app.user_agent = E'it''s me'").doesNotContain("citus");
        assertThat(TenantTransactionManager.setContext(null, false)).isEmpty();
    }

    @Test
    void citusPropagatesFirstInEveryTransaction() {
        assertThat(TenantTransactionManager.setContext(scope, true))
                .startsWith(TenantTransactionManager.PROPAGATE_TO_WORKERS + "; SET LOCAL app.tenant_id = ")
                .endsWith("; " + TenantTransactionManager.KEEP_RULES);
        assertThat(TenantTransactionManager.setContext(null, true)).isEqualTo(TenantTransactionManager.PROPAGATE_TO_WORKERS);
    }
}
