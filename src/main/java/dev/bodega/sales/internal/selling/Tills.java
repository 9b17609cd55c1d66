package dev.bodega.sales.internal.selling;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The stores a user may sell at: active locations they are allowed to work at. */
@Service
class Tills {

    record Place(UUID id, String name) {
    }

    private final JdbcClient jdbc;

    Tills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Place> places() {
        return jdbc.sql("""
                        SELECT id, name FROM inventory_locations
                        WHERE active AND id IN (SELECT v FROM app_visible_locations() v)
                        ORDER BY (kind = 'store') DESC, name""")
                .query(Place.class).list();
    }
}
