package dev.bodega.catalog.internal.transfer;

import dev.bodega.catalog.internal.categories.Categories;
import dev.bodega.catalog.internal.items.Items;
import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.Reporting;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.Writer;
import java.sql.ResultSet;
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

    @Reporting
    public void write(Writer out) {
        Map<UUID, String> paths = categories.paths();
        CsvWriter csv = new CsvWriter(out, ItemCsv.COLUMNS);
        streaming.query("SELECT " + Items.COLUMNS + " FROM items i JOIN units u ON u.code = i.unit_code"
                + " WHERE i.deleted_at IS NULL ORDER BY lower(i.sku)",
                (ResultSet rs) -> ItemCsv.print(csv, Items.row(rs, paths)));
        csv.flush();
    }
}
