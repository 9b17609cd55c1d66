package dev.bodega.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a controller method (or every method of a controller) needs,
 * as {@code module.action}, for example {@code inventory.read}. Handlers in
 * Bodega without this annotation, {@link SignedIn} or {@link PublicEndpoint}
 * are refused: access fails closed.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {
    String value();
}
