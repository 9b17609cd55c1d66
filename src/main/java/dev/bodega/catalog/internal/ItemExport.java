package dev.bodega.catalog.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.UUID;

/** Items as CSV, in the import's layout, streamed from a cursor: memory stays flat however many items there are. */
@Service
class ItemExport {

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate streaming;
    private final Categories categories;

    ItemExport(JdbcTemplate jdbcTemplate, Categories categories) {
        // A fetch size makes the driver read through a cursor (it needs a transaction) instead of loading every row.
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public void write(Writer out) throws IOException {
        Map<UUID, String> paths = categories.paths();
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT);
        ItemCsv.printHeader(printer);
        streaming.query("SELECT " + Items.COLUMNS + " FROM items i JOIN units u ON u.code = i.unit_code"
                + " WHERE i.deleted_at IS NULL ORDER BY lower(i.sku)", rs -> {
            try {
                ItemCsv.print(printer, Items.row(rs, paths));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }
}
