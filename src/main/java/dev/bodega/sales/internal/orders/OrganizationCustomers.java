package dev.bodega.sales.internal.orders;

import dev.bodega.platform.Ids;
import dev.bodega.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The customer record that stands for a partner organization (customers.organization_id, V121): what its
 * shipments are invoiced to. Made on its first shipment, named as the organization, with the organization's id
 * as its document (an organization has no tax id here); two first shipments at once make one.
 */
@Component
class OrganizationCustomers {

    private final JdbcClient jdbc;

    OrganizationCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID forOrganization(UUID organizationId) {
        jdbc.sql("""
                        INSERT INTO customers (tenant_id, id, document_type, document_number, first_name, organization_id)
                        SELECT :tenant, :id, 'ORG', upper(CAST(p.id AS text)), p.name, p.id
                        FROM platform_partner_organizations p WHERE p.tenant_id = :tenant AND p.id = :organization
                        ON CONFLICT DO NOTHING""")
                .param("tenant", TenantContext.tenantId()).param("id", Ids.next())
                .param("organization", organizationId).update();
        return jdbc.sql("SELECT id FROM customers WHERE tenant_id = :tenant AND organization_id = :organization")
                .param("tenant", TenantContext.tenantId()).param("organization", organizationId)
                .query(UUID.class).single();
    }
}
