package dev.bodega.platform;

import java.util.List;

/**
 * One invariant of the stored data across every company (the ledger equals on hand, invoice numbers are gapless,
 * the outbox is drained), which the platform runs nightly, exposes as the metric {@code bodega.data.violations}
 * (tag {@code check=<name>}) and in the readiness detail, and tells the operators about when it is broken. Called
 * with no tenant in context.
 */
public interface DataCheck {

    /** A short stable name, for example {@code ledger}. */
    String name();

    /** One line per violation (which company, which record), for the operators; empty when the data is sound. */
    List<String> violations();
}
