package dev.bodega.platform;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one CSV of every export: RFC 4180, text a spreadsheet would run disarmed, numbers plain. */
class CsvWriterTest {

    @Test
    void writesTheHeaderThenRecordsWithCrLfAndQuotesWhereNeeded() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, List.of("name", "note", "amount"));
        csv.row("Pintura, blanca", "dice \"hola\"", new BigDecimal("17.50"));
        csv.row("Línea 1\nLínea 2", null, null);
        csv.flush();

        assertThat(out.toString()).isEqualTo("name,note,amount\r\n"
                + "\"Pintura, blanca\",\"dice \"\"hola\"\"\",17.50\r\n"
                + "\"Línea 1\nLínea 2\",,\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunGetsAnApostropheButNumbersAndOtherValuesDoNot() {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, List.of("a", "b", "c", "d", "e", "f", "g"));
        csv.row("=HYPERLINK(\"x\")", "+57 300", "-5", "@cmd", new BigDecimal("-3.000"), new BigDecimal("1E+3"),
                LocalDate.of(2026, 1, 15));
        csv.flush();

        assertThat(out.toString().split("\r\n")[1])
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+57 300,'-5,'@cmd,-3.000,1000,2026-01-15");
    }

    @Test
    void untextGivesBackWhatTextEscaped() {
        for (String value : List.of("=1+2", "-ABC", "\tx", "plain", "'quoted", "'")) {
            assertThat(CsvWriter.untext(CsvWriter.text(value))).isEqualTo(value);
        }
        assertThat(CsvWriter.untext(null)).isNull();
    }
}
