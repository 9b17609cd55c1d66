package dev.bodega.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV every export writes: RFC 4180 (commas, CRLF, quotes where a value needs them), its header first,
 * then one record at a time as rows come from a cursor. A cell's type says how it is written: a String is
 * text, and text a spreadsheet would run as a formula gets an apostrophe in front; a BigDecimal is written
 * plain ({@code 1200.50}, never {@code 1.2005E+3}) and, like every other value (a count, a date, an
 * instant), never escaped, so a negative amount stays a number; null is an empty cell.
 * <p>
 * A file is for programs, not people, so it is the same in every language: a dot before decimals, no
 * thousands separator, ISO 8601 dates. {@link #describe} says so in the response's {@value #FORMAT_HEADER}
 * header (pages show numbers the user's way through {@link Formats}).
 */
public final class CsvWriter {

    public static final String FORMAT_HEADER = "Bodega-Csv-Format";
    public static final String FORMAT = "decimal-separator=.; thousands-separator=none; dates=ISO-8601";

    private static final String FORMULA_START = "=+-@\t\r";

    private final CSVPrinter printer;

    public CsvWriter(Writer out, List<String> header) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row(header);
    }

    public void row(Object... cells) {
        row(Arrays.asList(cells));
    }

    public void row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvWriter::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV response: UTF-8, a header row, and the format of its numbers and dates. */
    public static void describe(HttpServletResponse response) {
        response.setContentType("text/csv;charset=UTF-8;header=present");
        response.setHeader(FORMAT_HEADER, FORMAT);
    }

    /** Text a spreadsheet would run as a formula, with an apostrophe in front. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A text cell of a file this writer wrote, as it was before {@link #text(String)}: for imports that read exports back. */
    public static String untext(String value) {
        boolean escaped = value != null && value.length() > 1 && value.charAt(0) == '\''
                && FORMULA_START.indexOf(value.charAt(1)) >= 0;
        return escaped ? value.substring(1) : value;
    }

    private static Object cell(Object value) {
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value;
    }
}
