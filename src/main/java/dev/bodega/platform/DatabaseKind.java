package dev.bodega.platform;

/**
 * What Bodega's database is: one PostgreSQL, or a distributed one (Citus), found out once at start. Modules ask only
 * where the two need different statements.
 */
public record DatabaseKind(boolean citus) {
}
