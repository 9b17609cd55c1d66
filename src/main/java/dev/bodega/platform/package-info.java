/**
 * Tenants, identity, permissions, sessions, API keys, audit, settings and
 * notifications, and the database (embedded PostgreSQL, tenant context).
 * Other modules use only the types in this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package dev.bodega.platform;
