package dev.bodega.platform.internal.identity;

import dev.bodega.platform.TransactionSettings;
import dev.bodega.platform.internal.audit.TenantRowChanges;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

/** The tenants table, as seen by login and sign-up. */
@Repository
class Tenants {

    record TenantRef(UUID id, String slug, String name, String status, String locale) {
        boolean active() {
            return status.equals("active");
        }
    }

    private final JdbcClient jdbc;

    Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds a tenant by the slug a user typed, before any tenant context exists (see policy tenants_by_slug). */
    @Transactional(readOnly = true)
    public Optional<TenantRef> findBySlug(String slug) {
        TransactionSettings.setLocal(jdbc, "app.tenant_slug", slug);
        return jdbc.sql("SELECT id, slug, name, status, locale FROM tenants WHERE slug = :slug AND deleted_at IS NULL")
                .param("slug", slug)
                .query(TenantRef.class)
                .optional();
    }

    /** Finds the company a join link names, before any tenant context exists (see policy tenants_by_join_token). */
    @Transactional(readOnly = true)
    public Optional<TenantRef> findByJoinToken(String token) {
        TransactionSettings.setLocal(jdbc, "app.join_token", token);
        return jdbc.sql("""
                        SELECT id, slug, name, status, locale FROM tenants
                        WHERE join_token = :token AND deleted_at IS NULL""")
                .param("token", token)
                .query(TenantRef.class)
                .optional();
    }

    /** The current tenant's join token. */
    String joinToken(UUID id) {
        return jdbc.sql("SELECT join_token FROM tenants WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** Recorded in the audit log by the same statement (tenants has no trigger: see V195). */
    void replaceJoinToken(UUID id, String token) {
        TenantRowChanges.update(jdbc, "join_token = :token, updated_at = now()")
                .param("token", token).param("id", id).query().listOfRows();
    }

    /** Inserts a tenant; the caller's tenant context must already be the new id (policy tenants_own). */
    void insert(UUID id, String slug, String name, String locale) {
        jdbc.sql("""
                        WITH created AS (INSERT INTO tenants (id, slug, name, locale) VALUES (:id, :slug, :name, :locale)
                                         RETURNING tenants.*)
                        SELECT audit_tenant_change('INSERT', NULL, to_jsonb(created)) FROM created""")
                .param("id", id).param("slug", slug).param("name", name).param("locale", locale)
                .query().listOfRows();
    }
}
