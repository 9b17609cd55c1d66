package dev.bodega;

import dev.bodega.platform.internal.db.EmbeddedDatabase;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TenantFilterCheck;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement that locks or changes tenant rows names its tenant (a distributed PostgreSQL routes it by
 * tenant_id): checked on every statement the suite sends through the application's pool
 * ({@link TenantFilterCheck}). Runs after every other class, and fails listing each statement the suite sent
 * without a tenant filter, with the code that sent it.
 */
@BodegaTest
@Order(Integer.MAX_VALUE)
class TenantFiltersTest {

    @Autowired EmbeddedDatabase database;

    @Test
    void theCheckFindsEveryTenantTableAStatementReadsWithoutItsTenant() throws SQLException {
        TenantFilterCheck check = new TenantFilterCheck(database);
        assertThat(check.unfilteredScans("UPDATE users SET name = ? WHERE id = ?")).contains("users");
        assertThat(check.unfilteredScans("SELECT id FROM users WHERE email = ? FOR UPDATE")).contains("users");
        assertThat(check.unfilteredScans("""
                DELETE FROM user_roles WHERE tenant_id = ? AND user_id IN (SELECT id FROM users WHERE email = ?)"""))
                .contains("users");
        assertThat(check.unfilteredScans("UPDATE tenants SET name = ? WHERE slug = ?")).contains("tenants");
        assertThat(check.unfilteredScans("UPDATE users SET name = ? WHERE tenant_id = ? AND id = ?")).isEmpty();
        assertThat(check.unfilteredScans("UPDATE tenants SET name = ? WHERE id = ?")).isEmpty();
        assertThat(check.unfilteredScans("SELECT id FROM users WHERE email = ?")).as("reading locks nothing").isEmpty();
    }

    @Test
    void noStatementOfTheSuiteLockedOrChangedRowsWithoutItsTenant() {
        assertThat(TenantFilterCheck.violations())
                .as(() -> TenantFilterCheck.violations().stream()
                        .map(v -> v.caller() + " [" + v.scans() + "] " + v.sql())
                        .collect(Collectors.joining("\n", "\n", "\n")))
                .isEmpty();
    }
}
