package dev.bodega.platform.internal.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** The tenant's users by name, for the "user" filter of the audit and security pages. */
@Repository
class UserDirectory {

    record UserOption(UUID id, String name, String email) {
    }

    private static final int MAX_OPTIONS = 500;

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<UserOption> all() {
        return jdbc.sql("SELECT id, name, email FROM users ORDER BY lower(name), id LIMIT :max")
                .param("max", MAX_OPTIONS).query(UserOption.class).list();
    }
}
