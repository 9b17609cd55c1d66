package dev.bodega.inventory.internal.counts;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.bodega.inventory.internal.StockOpsPages;
import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The count sheet, as CSV (platform CsvWriter) and as PDF (OpenPDF, as the invoice): the lines in bin order with
 * what was counted; the system quantity and the difference only for who may review, so a printed sheet for the
 * counters stays blind. The PDF is in the reader's language (its numbers too); the CSV keeps machine numbers.
 */
@Service
class CountSheets {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8);

    private final Counts counts;
    private final StockOpsPages pages;
    private final MessageSource messages;

    CountSheets(Counts counts, StockOpsPages pages, MessageSource messages) {
        this.counts = counts;
        this.pages = pages;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public String csv(UUID id, boolean reveal) {
        counts.get(id, reveal);
        List<String> header = new ArrayList<>(List.of("bin", "sku", "item", "unit", "counted", "loose"));
        if (reveal) {
            header.addAll(List.of("system", "difference", "moved_since", "correction"));
        }
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out, header);
        for (Counts.LineView line : counts.lines(id, reveal)) {
            // Numbers as numbers: a negative difference is a figure, not a formula to escape.
            List<Object> cells = new ArrayList<>(List.of(text(line.bin()), line.sku(), line.name(), line.unit()));
            cells.add(strip(line.countedQuantity()));
            cells.add(line.counted() ? strip(line.looseQuantity()) : null);
            if (reveal) {
                cells.addAll(java.util.Arrays.asList(strip(line.systemQuantity()), strip(line.difference()),
                        strip(line.movedSince()), strip(line.correction())));
            }
            csv.row(cells);
        }
        csv.flush();
        return out.toString();
    }

    @Transactional(readOnly = true)
    public byte[] pdf(UUID id, boolean reveal) {
        Counts.View count = counts.get(id, reveal);
        List<Counts.LineView> lines = counts.lines(id, reveal);
        Locale locale = LocaleContextHolder.getLocale();
        Formats formats = Formats.of(locale, pages.zone());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(t(locale, "counts.sheet.title"));
        document.addCreator("Bodega");
        document.open();
        document.add(new Paragraph(t(locale, "counts.sheet.title") + " · " + count.locationName(), TITLE));
        document.add(new Paragraph(t(locale, "counts.scope." + count.scope()) + " · "
                + t(locale, "counts.status." + count.status()) + " · "
                + formats.dateTime(count.createdAt()) + " · " + count.createdByName(), TEXT));
        document.add(new Paragraph(" ", TEXT));
        document.add(table(locale, formats, lines, reveal));
        document.close();
        return out.toByteArray();
    }

    private PdfPTable table(Locale locale, Formats formats, List<Counts.LineView> lines, boolean reveal) {
        List<String> columns = new ArrayList<>(List.of("bin", "sku", "item", "counted", "loose"));
        if (reveal) {
            columns.addAll(List.of("system", "difference"));
        }
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        for (String column : columns) {
            table.addCell(cell(t(locale, "counts.line." + column), BOLD));
        }
        table.setHeaderRows(1);
        for (Counts.LineView line : lines) {
            table.addCell(cell(text(line.bin()), TEXT));
            table.addCell(cell(line.sku(), TEXT));
            table.addCell(cell(line.name(), TEXT));
            // Blank boxes on an uncounted line: room to write the count by hand.
            table.addCell(cell(formats.qty(line.countedQuantity()), TEXT));
            table.addCell(cell(formats.qty(line.counted() ? line.looseQuantity() : null), TEXT));
            if (reveal) {
                table.addCell(cell(formats.qty(line.systemQuantity()), TEXT));
                table.addCell(cell(formats.qty(line.difference()), TEXT));
            }
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setMinimumHeight(16);
        return cell;
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
