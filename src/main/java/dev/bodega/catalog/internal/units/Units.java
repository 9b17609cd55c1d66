package dev.bodega.catalog.internal.units;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Units of measure: one fixed list for every tenant, each with the decimals a quantity in it may have. */
@Service
public class Units {

    public record Unit(String code, String nameEs, String nameEn, int decimals) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameEs;
        }
    }

    private final JdbcClient jdbc;
    /** Units change only with a migration, so with a restart: read once (imports check one per row). */
    private volatile List<Unit> cached;

    Units(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Unit> all() {
        List<Unit> units = cached;
        if (units == null) {
            units = jdbc.sql("SELECT code, name_es, name_en, decimals FROM units ORDER BY decimals, code")
                    .query(Unit.class).list();
            cached = units;
        }
        return units;
    }

    public Optional<Unit> find(String code) {
        return all().stream().filter(unit -> unit.code().equals(code)).findFirst();
    }
}
