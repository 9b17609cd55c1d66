package dev.bodega.catalog.internal;

/** One invalid field: which, and the message key (with its arguments) that explains it. */
public record Violation(String field, String key, Object... args) {
}
