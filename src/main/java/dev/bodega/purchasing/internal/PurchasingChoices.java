package dev.bodega.purchasing.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** What the purchasing forms pick from: suppliers and locations, by name. */
@Component
class PurchasingChoices {

    record Choice(UUID id, String name) {
    }

    private final JdbcClient jdbc;

    PurchasingChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Suppliers one may order from: active and not deleted. */
    @Transactional(readOnly = true)
    public List<Choice> suppliers() {
        return jdbc.sql("SELECT id, name FROM catalog_suppliers WHERE active AND deleted_at IS NULL ORDER BY lower(name), id")
                .query(Choice.class).list();
    }

    /** Active locations where the current user may receive stock. */
    @Transactional(readOnly = true)
    public List<Choice> locations() {
        return jdbc.sql("""
                        SELECT id, name FROM inventory_locations
                        WHERE active AND id IN (SELECT v FROM app_visible_locations() v) ORDER BY lower(name), id""")
                .query(Choice.class).list();
    }
}
