package dev.bodega.platform.internal.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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

/**
 * Two connections to one database: the application pool, as a role that row
 * level security applies to, and the owner, used only by Flyway. Beans that
 * use the pool are closed before it, and the pool before the embedded server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
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

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bodega");
        config.setJdbcUrl(endpoint.url());
        config.setUsername(endpoint.appUser());
        config.setPassword(endpoint.appPassword());
        config.setMaximumPoolSize(properties.poolSize());
        config.setAutoCommit(true);
        // PostgreSQL's JIT compiles a report's plan when its estimated cost is high: hundreds of milliseconds
        // spent on every such query, which stay short without it.
        config.addDataSourceProperty("options", "-c jit=off");
        return new HikariDataSource(config);
    }

    @Bean
    @FlywayDataSource
    DataSource ownerDataSource(DatabaseEndpoint endpoint) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), endpoint.url(),
                endpoint.ownerUser(), endpoint.ownerPassword());
    }

    @Bean
    TenantTransactionManager transactionManager(HikariDataSource dataSource) {
        return new TenantTransactionManager(dataSource, citusInstalled(dataSource));
    }

    /** Asked once: Citus is installed by whoever runs the database, before Bodega starts. */
    private static boolean citusInstalled(DataSource dataSource) {
        return JdbcClient.create(dataSource)
                .sql("SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus')")
                .query(Boolean.class).single();
    }
}
