package dev.bodega.platform;

import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Raw SQL as the application role, no WHERE on the tenant: the database alone keeps tenants apart. */
@BodegaTest
class RowLevelSecurityTest {

    private static final List<String> TENANT_TABLES = List.of("users", "roles", "user_roles", "api_keys",
            "security_events", "notifications", "audit_log");

    @Autowired TestFixtures fixtures;
    @Autowired Notifications notifications;

    private TestFixtures.Tenant a;
    private TestFixtures.Tenant b;

    @BeforeEach
    void twoTenantsWithRowsInEveryTable() {
        a = fixtures.tenant();
        b = fixtures.tenant();
        for (TestFixtures.Tenant tenant : List.of(a, b)) {
            TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> {
                notifications.send(new Notifications.Notice(tenant.adminId(), "hello", "", "info", "normal", null));
                return null;
            });
        }
    }

    private static void setTenant(Statement statement, UUID tenant) throws SQLException {
        statement.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
    }

    private static Set<UUID> tenantIds(Statement statement, String table) throws SQLException {
        Set<UUID> tenants = new HashSet<>();
        try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            while (rs.next()) {
                tenants.add(rs.getObject("tenant_id", UUID.class));
            }
        }
        return tenants;
    }

    @Test
    void aTenantSeesOnlyItsOwnRows() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            setTenant(statement, a.id());
            for (String table : TENANT_TABLES) {
                assertThat(tenantIds(statement, table)).as(table).containsExactly(a.id());
            }
            try (ResultSet rs = statement.executeQuery("SELECT id, slug FROM tenants")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject("id", UUID.class)).isEqualTo(a.id());
                assertThat(rs.next()).as("only one tenant row").isFalse();
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM users WHERE tenant_id = '" + b.id() + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void withNoTenantSetNothingIsVisible() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            for (String table : TENANT_TABLES) {
                assertThat(tenantIds(statement, table)).as(table).isEmpty();
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM tenants")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            // An emptied setting (what a finished transaction leaves behind) is the same as none.
            statement.execute("SELECT set_config('app.tenant_id', '', false)");
            assertThat(tenantIds(statement, "users")).isEmpty();
        }
    }

    @Test
    void aRowCannotPointIntoAnotherTenant() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            setTenant(statement, a.id());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO user_roles (tenant_id, user_id, role_id) VALUES (?, ?, ?)")) {
                insert.setObject(1, a.id());
                insert.setObject(2, a.adminId());
                insert.setObject(3, b.roles().get("viewer"));
                assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("23503"));
            }
        }
    }

    @Test
    void aRowCannotBeWrittenIntoAnotherTenant() throws SQLException {
        try (Connection connection = fixtures.appConnection(); Statement statement = connection.createStatement()) {
            setTenant(statement, a.id());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO notifications (tenant_id, id, user_id, title) VALUES (?, ?, ?, 'planted')")) {
                insert.setObject(1, b.id());
                insert.setObject(2, Ids.next());
                insert.setObject(3, b.adminId());
                assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO roles (tenant_id, id, name) VALUES (?, ?, 'planted')")) {
                insert.setObject(1, b.id());
                insert.setObject(2, Ids.next());
                assertThatThrownBy(insert::executeUpdate).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
            // Updating B's rows finds none; moving A's own row to B is refused.
            assertThat(statement.executeUpdate("UPDATE users SET name = 'hijacked' WHERE tenant_id = '" + b.id() + "'"))
                    .isZero();
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE notifications SET tenant_id = '" + b.id() + "', user_id = '" + b.adminId() + "'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }
}
