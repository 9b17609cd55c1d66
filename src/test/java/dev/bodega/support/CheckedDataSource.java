package dev.bodega.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.bodega.platform.internal.db.EmbeddedDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The application's pool as the tests see it: every statement sent through it passes {@link TenantFilterCheck}
 * first. A delegate, not a subclass of the pool's type, so that what looks for the pool behind it (the connection
 * pool's metrics) finds the real one.
 */
final class CheckedDataSource extends DelegatingDataSource {

    private static final Set<String> SENDING = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "addBatch");

    private final HikariDataSource pool;
    private final TenantFilterCheck check;

    private CheckedDataSource(HikariDataSource pool, TenantFilterCheck check) {
        super(pool);
        this.pool = pool;
        this.check = check;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return checked(Connection.class, pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return checked(Connection.class, pool.getConnection(username, password));
    }

    /** The context closes its data source by this method. */
    public void close() {
        pool.close();
    }

    /** Checks the SQL of every call that sends or prepares some, and wraps the statements a connection makes. */
    private <T> T checked(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (SENDING.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                check.check(sql);
            }
            Object result = invoke(method, target, args);
            return type == Connection.class ? statement(result) : result;
        }));
    }

    private Object statement(Object result) {
        if (result instanceof CallableStatement call) {
            return checked(CallableStatement.class, call);
        }
        if (result instanceof PreparedStatement prepared) {
            return checked(PreparedStatement.class, prepared);
        }
        return result instanceof Statement statement ? checked(Statement.class, statement) : result;
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Wraps the application's pool (only it: the owner's and the tests' raw connections are not the app's SQL). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor checkedApplicationPool(ObjectProvider<EmbeddedDatabase> database) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof HikariDataSource pool
                            ? new CheckedDataSource(pool, new TenantFilterCheck(database.getObject())) : bean;
                }
            };
        }
    }
}
