package dev.bodega.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Seed 000's schema and sale procedure ({@code realizar_venta}) in a database
 * of their own on the same PostgreSQL (resource {@code bench/seed000.sql}).
 * Its products are laid out in blocks like Bodega's (company, store) stock
 * levels, one block per Bodega store, so the procedure's till k sells the very
 * baskets Bodega's till k sells, against rows as contended.
 */
final class Seed000 {

    static final String DATABASE = "seed000";

    private Seed000() {
    }

    static void load(BenchApp app, int blocks, int items, long stock) throws SQLException, IOException {
        BenchSql.execute(app, "DROP DATABASE IF EXISTS " + DATABASE);
        BenchSql.execute(app, "CREATE DATABASE " + DATABASE);
        try (Connection c = BenchSql.connect(app, DATABASE); Statement s = c.createStatement()) {
            s.execute(script());
            // Product id = block × items + rank + 1, priced like Bodega's item of that rank.
            s.execute("""
                    INSERT INTO Productos (id, nombre, descripcion, precio, stock, categoria_id)
                    SELECT n + 1, 'Producto ' || n, 'Benchmark', (100 + (n %% %1$d * 7919::bigint) %% 9900) / 100.0, %2$d, 1
                    FROM generate_series(0, %3$d - 1) n""".formatted(items, stock, (long) blocks * items));
            s.execute("SELECT setval(pg_get_serial_sequence('productos', 'id'), (SELECT max(id) FROM Productos))");
            s.execute("ANALYZE");
        }
    }

    private static String script() throws IOException {
        try (InputStream in = Seed000.class.getResourceAsStream("/bench/seed000.sql")) {
            if (in == null) {
                throw new IOException("bench/seed000.sql is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One till calling {@code SELECT realizar_venta(1, json)} on its own connection, in autocommit as the seed meant. */
    static final class Till implements LoadRun.Call, AutoCloseable {

        private final Connection connection;
        private final PreparedStatement sale;
        private final int firstProduct;
        private final Baskets baskets;

        Till(BenchApp app, RushData.Till twin, int items, Baskets baskets) throws SQLException {
            this.connection = BenchSql.connect(app, DATABASE);
            this.sale = connection.prepareStatement("SELECT realizar_venta(1, CAST(? AS json))");
            this.firstProduct = twin.block() * items + 1;
            this.baskets = baskets;
        }

        @Override
        public String call() {
            Baskets.Basket basket = baskets.next();
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < basket.ranks().length; i++) {
                json.append(i == 0 ? "" : ",").append("{\"producto_id\":").append(firstProduct + basket.ranks()[i])
                        .append(",\"cantidad\":").append(basket.quantities()[i]).append('}');
            }
            try {
                sale.setString(1, json.append(']').toString());
                try (ResultSet r = sale.executeQuery()) {
                    r.next();
                }
                return null;
            } catch (SQLException e) {
                return e.getSQLState() + " " + shortMessage(e);
            }
        }

        private static String shortMessage(SQLException e) {
            String message = String.valueOf(e.getMessage()).replaceFirst("^ERROR: ", "");
            int end = message.indexOf('\n');
            message = end < 0 ? message : message.substring(0, end);
            return message.length() > 60 ? message.substring(0, 60) : message;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
