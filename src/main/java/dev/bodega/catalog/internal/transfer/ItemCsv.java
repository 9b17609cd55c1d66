package dev.bodega.catalog.internal.transfer;

import dev.bodega.catalog.internal.items.ItemRequest;
import dev.bodega.catalog.internal.items.Items;
import dev.bodega.platform.CsvWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CSV layout of items, the same for export and import (so an export
 * imports back unchanged): one header row naming the columns, in any order
 * and case; only sku and name are required (blank lines are skipped but counted, so line numbers match the file). The category is a path like
 * "Herramientas/Manuales"; image addresses are separated by spaces or "|".
 */
final class ItemCsv {

    static final List<String> COLUMNS = List.of("sku", "name", "description", "barcode", "brand", "category", "kind",
            "unit", "cost_price", "sale_price", "min_stock", "max_stock", "proprietary", "manufacturer_part_number",
            "manufacturer_delivery_days", "supplier_delivery_days", "discontinued", "restock_eta", "image_urls",
            "active");
    static final Set<String> REQUIRED = Set.of("sku", "name");

    /** ItemRequest field → the column it comes from, for reporting a rule's violation in the file's terms. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("categoryId", "category", "unitCode", "unit");

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "si", "sí", "s", "x", "verdadero");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "falso");

    /** One problem in the file: the row's line (the header is line 1), the column, and what is wrong. */
    record RowError(long line, String column, String message) {
    }

    /** A data row read into an item; {@code problems} hold message keys of values that could not be read. */
    record ParsedRow(long line, ItemRequest request, String categoryPath, List<Problem> problems) {
    }

    record Problem(String column, String key, Object... args) {
    }

    private ItemCsv() {
    }

    /** Semicolons when the header has them and no commas (a spreadsheet saved with a Spanish locale). */
    static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(false)
                .setTrim(true)
                .get();
    }

    static char delimiterOf(String headerLine) {
        return headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : ',';
    }

    static String columnOf(String field) {
        String mapped = COLUMN_OF_FIELD.get(field);
        if (mapped != null) {
            return mapped;
        }
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Header problems (unknown or missing columns) as message keys with the column. */
    static List<Problem> checkHeader(List<String> names) {
        List<Problem> problems = new ArrayList<>();
        Set<String> present = names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String name : names) {
            String column = name.trim().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                problems.add(new Problem(name, "catalog.import.column.unknown", name));
            }
        }
        for (String required : REQUIRED) {
            if (!present.contains(required)) {
                problems.add(new Problem(required, "catalog.import.column.missing", required));
            }
        }
        return problems;
    }

    static ParsedRow parse(CSVRecord record, long line, int headerSize) {
        List<Problem> problems = new ArrayList<>();
        if (record.size() > headerSize) {
            problems.add(new Problem(null, "catalog.import.row.fields", record.size(), headerSize));
        }
        Values v = new Values(record, problems);
        ItemRequest request = new ItemRequest(v.text("sku"), v.text("barcode"), v.text("name"), v.text("description"),
                v.text("brand"), null, v.text("kind"), v.text("unit"), v.decimal("cost_price"), v.decimal("sale_price"),
                v.decimal("min_stock"), v.decimal("max_stock"), v.bool("proprietary"), v.text("manufacturer_part_number"),
                v.integer("manufacturer_delivery_days"), v.integer("supplier_delivery_days"), v.bool("discontinued"),
                v.date("restock_eta"), v.list("image_urls"), v.bool("active"));
        return new ParsedRow(line, request, v.text("category"), problems);
    }

    static void print(CsvWriter csv, Items.ItemView item) {
        csv.row(item.sku(), item.name(), item.description(), item.barcode(), item.brand(),
                item.categoryPath(), item.kind(), item.unitCode(), item.costPrice(), item.salePrice(),
                item.minStock(), item.maxStock(), item.proprietary(), item.manufacturerPartNumber(),
                item.manufacturerDeliveryDays(), item.supplierDeliveryDays(), item.discontinued(), item.restockEta(),
                String.join(" ", item.imageUrls()), item.active());
    }

    /** Reads typed values from a record, noting each one that does not parse; absent or blank is null. */
    private record Values(CSVRecord record, List<Problem> problems) {

        String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            // An export escapes text a spreadsheet would run as a formula; reading it back undoes that.
            String value = CsvWriter.untext(record.get(column));
            return value == null || value.isBlank() ? null : value.trim();
        }

        BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            // A decimal comma, as a spreadsheet in Spanish writes it, when there is no decimal point.
            String normalized = value.indexOf('.') < 0 ? value.replace(',', '.') : value;
            try {
                return new BigDecimal(normalized);
            } catch (NumberFormatException e) {
                problems.add(new Problem(column, "catalog.import.value.number", value));
                return null;
            }
        }

        Integer integer(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                problems.add(new Problem(column, "catalog.import.value.integer", value));
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (TRUE.contains(lower)) {
                return true;
            }
            if (FALSE.contains(lower)) {
                return false;
            }
            problems.add(new Problem(column, "catalog.import.value.boolean", value));
            return null;
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problems.add(new Problem(column, "catalog.import.value.date", value));
                return null;
            }
        }

        List<String> list(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return Arrays.stream(value.split("[\\s|]+")).filter(s -> !s.isEmpty()).toList();
        }
    }

    /** Skips a UTF-8 byte order mark, which spreadsheets put at the start of "CSV UTF-8" files. */
    static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }
}
