package dev.bodega.platform;

import org.postgresql.core.Utils;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.SQLException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Settings of the current transaction ({@code app.tenant_id} and the like, read by row-level security and triggers)
 * as {@code SET LOCAL} statements, never {@code set_config(..., true)}: Citus passes SET LOCAL on to the nodes that
 * hold the rows (with {@code citus.propagate_set_commands = 'local'}, which the transaction manager sets first where
 * Citus is installed), a function call it does not. SET takes no parameters, so values are written as literals:
 * {@code E'...'} with quotes and backslashes doubled, which reads the same whatever standard_conforming_strings
 * says; a NUL is refused.
 */
public final class TransactionSettings {

    private static final Pattern NAME = Pattern.compile("[a-z_]+(\\.[a-z_]+)?");

    private TransactionSettings() {
    }

    /** Sets one setting until the transaction ends. */
    public static void setLocal(JdbcClient jdbc, String name, Object value) {
        jdbc.sql(sql(Map.of(name, value == null ? "" : value.toString()))).update();
    }

    /** The statements that set these settings, in the map's order, as one string (one round trip). */
    public static String sql(Map<String, String> settings) {
        StringJoiner statements = new StringJoiner("; ");
        settings.forEach((name, value) -> statements.add("SET LOCAL " + name(name) + " = " + literal(value)));
        return statements.toString();
    }

    private static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a setting name: " + name);
        }
        return name;
    }

    static String literal(String value) {
        try {
            return Utils.escapeLiteral(new StringBuilder("E'"), value, false).append('\'').toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("A setting's value cannot hold a NUL character", e);
        }
    }
}
