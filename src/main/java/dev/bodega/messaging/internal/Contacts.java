package dev.bodega.messaging.internal;

import dev.bodega.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Contacts as channels meet them: found by platform and external id, or created and linked to a sales customer. */
@Component
class Contacts {

    private static final String FIND = """
            SELECT id, merged_into, customer_id FROM contacts
            WHERE tenant_id = :tenant AND platform = :platform AND external_id = :external""";

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Inbox.ContactRow upsert(InboundMessage in) {
        Optional<Inbox.ContactRow> known = find(in);
        if (known.isPresent()) {
            return known.get();
        }
        UUID id = Ids.next();
        jdbc.sql("""
                        INSERT INTO contacts (tenant_id, id, external_id, platform, name, phone, email, customer_id)
                        VALUES (:tenant, :id, :external, :platform, :name, :phone, :email,
                                (SELECT c.id FROM sales_customers c
                                 WHERE c.tenant_id = :tenant AND c.deleted_at IS NULL AND c.active
                                   AND (right(regexp_replace(c.phone, '\\D', '', 'g'), 9) = right(:digits, 9)
                                        AND length(:digits) >= 7
                                        OR lower(c.email) = lower(:email))
                                 ORDER BY c.last_purchase_at DESC NULLS LAST LIMIT 1))
                        ON CONFLICT (tenant_id, platform, external_id) DO NOTHING""")
                .param("tenant", in.tenantId()).param("id", id).param("external", in.contactExternalId())
                .param("platform", in.platform()).param("name", in.contactName()).param("phone", in.contactPhone())
                .param("email", in.contactEmail()).param("digits", digits(in.contactPhone())).update();
        return find(in).orElseThrow();
    }

    private Optional<Inbox.ContactRow> find(InboundMessage in) {
        return jdbc.sql(FIND).param("tenant", in.tenantId()).param("platform", in.platform())
                .param("external", in.contactExternalId()).query(Inbox.ContactRow.class).optional();
    }

    static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("\\D", "");
    }
}
