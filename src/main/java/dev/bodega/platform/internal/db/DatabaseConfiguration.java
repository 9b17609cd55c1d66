package dev.bodega.platform.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bodega.platform.DatabaseKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Two connections to one database: the application pool, as a role that row
 * level security applies to, and the owner, used only by Flyway. Beans that
 * use the pool are closed before it, and the pool before the embedded server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DatabaseProperties.class, ReplicaProperties.class})
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${bodega.db.url:}'.isBlank()")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return EmbeddedDatabase.start(properties.dataDir(), properties.cleanOnStart());
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        EmbeddedDatabase database = embedded.getIfAvailable();
        if (database != null) {
            return new DatabaseEndpoint(database.jdbcUrl(),
                    EmbeddedDatabase.APP_ROLE, EmbeddedDatabase.APP_ROLE,
                    EmbeddedDatabase.OWNER_ROLE, EmbeddedDatabase.OWNER_ROLE);
        }
        return new DatabaseEndpoint(properties.url(), properties.user(), properties.password(),
                properties.ownerUserOrApp(), properties.ownerPasswordOrApp());
    }

    /** The primary's pool; with a read replica configured, wrapped with the replica's for reports. */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(DatabaseEndpoint endpoint, DatabaseProperties properties, ReplicaProperties replica) {
        HikariDataSource primary = pool("bodega", endpoint.url(), endpoint.appUser(), endpoint.appPassword(),
                properties.poolSize());
        if (!replica.configured()) {
            return primary;
        }
        HikariDataSource replicaPool = replicaPool(replica, properties.poolSize());
        return new ReportingDataSource(primary, replicaPool,
                new ReplicaLag(primary, replicaPool, replica.maxLag(), replica.checkEvery(), Clock.systemUTC()));
    }

    /**
     * Read-only sessions, set on the server: a connection the driver reported read-only would make the transaction
     * manager take every connection for read-only and stop marking the primary's read-only transactions. A replica
     * that is down neither stops the start nor holds a report: it falls back.
     */
    static HikariDataSource replicaPool(ReplicaProperties replica, int size) {
        HikariConfig config = config("bodega-replica", replica.url(), replica.user(), replica.password(), size);
        config.addDataSourceProperty("options", "-c jit=off -c default_transaction_read_only=on");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(1_000);
        config.addDataSourceProperty("connectTimeout", "1");
        return new HikariDataSource(config);
    }

    static HikariDataSource pool(String name, String url, String user, String password, int size) {
        return new HikariDataSource(config(name, url, user, password, size));
    }

    private static HikariConfig config(String name, String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setAutoCommit(true);
        config.setExceptionOverrideClassName(RefusalKeepsConnection.class.getName());
        // PostgreSQL's JIT compiles a report's plan when its estimated cost is high: hundreds of milliseconds
        // spent on every such query, which stay short without it.
        config.addDataSourceProperty("options", "-c jit=off");
        return config;
    }

    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(DatabaseEndpoint endpoint) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), endpoint.url(),
                endpoint.ownerUser(), endpoint.ownerPassword());
    }

    @Bean
    TenantTransactionManager transactionManager(DataSource dataSource, DatabaseKind kind) {
        return new TenantTransactionManager(dataSource, kind);
    }

    /** Asked once: Citus is installed by whoever runs the database, before Bodega starts. */
    @Bean
    DatabaseKind databaseKind(DataSource dataSource) {
        return new DatabaseKind(JdbcClient.create(dataSource)
                .sql("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus')")
                .query(Boolean.class).single());
    }
}
