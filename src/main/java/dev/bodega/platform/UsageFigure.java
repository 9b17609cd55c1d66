package dev.bodega.platform;

/**
 * One count a module reports about a company's use of Bodega, for the operator console (items, sales this month,
 * stock movements this year): a number, never business data. Called with that company in {@link TenantContext}
 * (no user) inside a read-only transaction.
 */
public interface UsageFigure {

    /** Names the figure: the console's column heading is {@code operator.usage.<key>}. */
    String key();

    long count(TenantSettings company);
}
