package dev.bodega.platform;

import java.util.function.BooleanSupplier;

/**
 * One step of a new company's first-steps checklist on the home page (add a store, import items, receive stock,
 * make a sale), contributed as a bean by the module where it is done. The checklist goes away once every step is.
 *
 * @param order      lower first
 * @param label      the message key that says what to do
 * @param link       the page where it is done
 * @param permission what that page needs: a user without it sees the step but no link
 * @param done       whether the company has done it (read in the page's read-only transaction)
 */
public record FirstStep(int order, String label, String link, String permission, BooleanSupplier done) {
}
