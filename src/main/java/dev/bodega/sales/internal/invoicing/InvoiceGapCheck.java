package dev.bodega.sales.internal.invoicing;

import dev.bodega.platform.DataCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** Invoice numbers gapless per series, in every company (invoice_gaps_all, V184). */
@Component
class InvoiceGapCheck implements DataCheck {

    private final JdbcClient jdbc;

    InvoiceGapCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "invoice-gaps";
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> violations() {
        return jdbc.sql("SELECT tenant_slug, series_code, numbers_given, sales_numbered FROM invoice_gaps_all()")
                .query((rs, n) -> "tenant=" + rs.getString(1) + " series=" + rs.getString(2) + " numbersGiven="
                        + rs.getLong(3) + " salesNumbered=" + rs.getLong(4))
                .list();
    }
}
