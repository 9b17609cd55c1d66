package dev.bodega.platform.internal.partners;

import dev.bodega.platform.PartnerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

@Service
class PartnerDirectoryService implements PartnerDirectory {

    private final JdbcClient jdbc;

    PartnerDirectoryService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Organization> ofType(String type) {
        return jdbc.sql("SELECT id, name FROM partner_organizations WHERE type = :type ORDER BY lower(name), id")
                .param("type", type).query(Organization.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isOfType(UUID id, String type) {
        return id != null && jdbc.sql("SELECT count(*) FROM partner_organizations WHERE id = :id AND type = :type")
                .param("id", id).param("type", type).query(Long.class).single() > 0;
    }
}
