package dev.bodega.support;

import dev.bodega.messaging.internal.whatsapp.GraphApiStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A full Bodega on a real port, on a fresh embedded PostgreSQL. Every test
 * class with this annotation shares one application context (and database),
 * so tests create their own tenants and never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bodega.db.data-dir=target/test-db",
        "bodega.db.clean-on-start=true",
        "bodega.db.url=",
        "db-scheduler.polling-interval=1s",
        "bodega.webhooks.allow-private=true",
        "bodega.webhooks.first-retry-after=0s"})
@Import({TestClock.Configuration.class, TestFixtures.class, StockFixtures.class, Api.class, CheckedDataSource.Configuration.class,
        GraphApiStub.Configuration.class})
public @interface BodegaTest {
}
