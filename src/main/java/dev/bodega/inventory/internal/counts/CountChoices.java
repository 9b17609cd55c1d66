package dev.bodega.inventory.internal.counts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** What the new-count form picks from: the user's active locations and the active categories, by name. */
@Component
class CountChoices {

    record Choice(UUID id, String name) {
    }

    private final JdbcClient jdbc;

    CountChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<Choice> locations() {
        return jdbc.sql("SELECT id, name FROM locations WHERE active AND app_works_at(id) ORDER BY lower(name), id")
                .query(Choice.class).list();
    }

    @Transactional(readOnly = true)
    List<Choice> categories() {
        return jdbc.sql("SELECT id, name FROM catalog_categories WHERE active ORDER BY lower(name), id")
                .query(Choice.class).list();
    }
}
