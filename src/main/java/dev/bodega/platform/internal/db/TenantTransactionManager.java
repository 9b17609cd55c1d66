package dev.bodega.platform.internal.db;

import dev.bodega.platform.DatabaseKind;
import dev.bodega.platform.Reporting;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.TransactionSettings;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the current tenant, user, partner organization and client into each transaction with {@code SET LOCAL}
 * (see {@link TransactionSettings}), in one round trip: row-level security and the audit trigger read them, and they
 * vanish at commit, so a pooled connection carries nothing to its next borrower. With no context set, queries see no
 * tenant rows. On Citus every transaction first asks for its SET LOCALs to reach the worker nodes, where the rows and
 * their policies are; without it they would see no tenant there.
 */
public class TenantTransactionManager extends JdbcTransactionManager {

    static final String PROPAGATE_TO_WORKERS = "SET LOCAL citus.propagate_set_commands = 'local'";
    /**
     * The location rules that policies read, worked out here with the context (V207): a worker cannot work them out
     * itself, since that reads other distributed tables from inside a shard.
     */
    static final String KEEP_RULES = "SELECT app_keep_location_rules()";

    private final boolean citus;

    public TenantTransactionManager(DataSource dataSource, DatabaseKind database) {
        super(dataSource);
        this.citus = database.citus();
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        String sql = setContext(TenantContext.current().orElse(null), citus);
        if (!sql.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    static String setContext(TenantContext.Scope scope, boolean citus) {
        String context = scope == null ? "" : enter(scope);
        if (!citus) {
            return context;
        }
        return context.isEmpty() ? PROPAGATE_TO_WORKERS : PROPAGATE_TO_WORKERS + "; " + context + "; " + KEEP_RULES;
    }

    /**
     * The statements that put a transaction already open into a scope, as if it had begun there: for a transaction
     * that learns its company only from its first read (an API key's, from the global lookup).
     */
    public static String enter(TenantContext.Scope scope) {
        return TransactionSettings.sql(settings(scope));
    }

    private static Map<String, String> settings(TenantContext.Scope scope) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("app.tenant_id", text(scope.tenantId()));
        settings.put("app.user_id", text(scope.userId()));
        settings.put("app.client_ip", text(scope.clientIp()));
        settings.put("app.user_agent", truncate(scope.userAgent()));
        settings.put("app.partner_id", text(scope.partnerId()));
        return settings;
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
