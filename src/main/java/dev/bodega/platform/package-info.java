/**
 * Tenants, identity, permissions, sessions, API keys, audit, settings and
 * notifications, and the database (embedded PostgreSQL, tenant context).
 * Other modules use only the types in this package, and in SQL only the views
 * it publishes (migration V85: platform_tenants, platform_users, platform_user_permissions).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package dev.bodega.platform;
