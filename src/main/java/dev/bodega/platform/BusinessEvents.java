package dev.bodega.platform;

import java.util.function.Supplier;

/**
 * Business events published together — a group commit's, one per sale — recorded in {@code business_events} by one
 * statement when the work that publishes them returns, instead of one statement each, in the same transaction (see
 * {@link BusinessEvent}).
 */
public interface BusinessEvents {

    /** Runs {@code publishing} in the current transaction and records the business events it published. */
    <T> T together(Supplier<T> publishing);
}
