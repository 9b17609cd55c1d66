package dev.bodega.platform.internal.db;

import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes the current tenant, user, partner organization and client into each transaction with
 * {@code set_config(..., true)}: row-level security and the audit trigger
 * read them, and they vanish at commit, so a pooled connection carries
 * nothing to its next borrower. With no context set, queries see no tenant rows.
 */
public class TenantTransactionManager extends JdbcTransactionManager {

    private static final String SET_CONTEXT = """
            SELECT set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true),
                   set_config('app.client_ip', ?, true), set_config('app.user_agent', ?, true),
                   set_config('app.partner_id', ?, true)""";

    public TenantTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        var scope = TenantContext.current();
        if (scope.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(SET_CONTEXT)) {
            statement.setString(1, text(scope.get().tenantId()));
            statement.setString(2, text(scope.get().userId()));
            statement.setString(3, text(scope.get().clientIp()));
            statement.setString(4, truncate(scope.get().userAgent()));
            statement.setString(5, text(scope.get().partnerId()));
            statement.execute();
        }
    }

    /** A report's transaction takes its connection marked, so that a read replica may serve it. */
    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        if (!reporting(definition)) {
            super.doBegin(transaction, definition);
            return;
        }
        try (var marked = ReportingDataSource.reporting()) {
            super.doBegin(transaction, definition);
        }
    }

    private static boolean reporting(TransactionDefinition definition) {
        return definition instanceof TransactionAttribute attribute && attribute.getLabels().contains(Reporting.LABEL);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String truncate(String userAgent) {
        return userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 500));
    }
}
