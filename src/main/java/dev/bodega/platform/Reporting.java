package dev.bodega.platform;

import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only transaction for a report, a dashboard or an export. When a read replica is configured
 * ({@code BODEGA_DB_REPLICA_URL}) and close enough behind the primary, such a transaction begun on its own is served
 * there; called within another transaction it joins that one, on the primary. The data is then up to
 * {@code bodega.db.replica.max-lag} old, so use it only where a few seconds' delay is harmless.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Transactional(readOnly = true, label = Reporting.LABEL)
public @interface Reporting {

    /** The transaction label the transaction manager knows a report's transaction by. */
    String LABEL = "bodega.reporting";
}
