package dev.bodega.sales.internal.documents;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.bodega.platform.Formats;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantSettings;
import dev.bodega.platform.TenantSettingsService;
import dev.bodega.sales.internal.SalesProblem;
import dev.bodega.sales.internal.selling.SaleQueries;
import dev.bodega.sales.internal.selling.SaleViews.LineView;
import dev.bodega.sales.internal.selling.SaleViews.PaymentView;
import dev.bodega.sales.internal.selling.SaleViews.SaleView;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * The invoice of a completed or cancelled sale as a PDF (A4): the company and the store, the invoice
 * number and its series, the date in the company's time zone, the customer, the lines with their
 * discounts and taxes, the totals and the payments. Written in the company's language: an invoice is
 * the company's document, whoever downloads it.
 */
@Service
class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Font.NORMAL, new Color(0x61, 0x6e, 0x7c));
    private static final Font VOID = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14, Font.NORMAL, new Color(0xb4, 0x23, 0x18));

    record Party(String name, String document, String email, String phone, String address) {
    }

    record Place(String name, String address, String phone) {
    }

    private final SaleQueries sales;
    private final JdbcClient jdbc;
    private final TenantSettingsService settings;
    private final MessageSource messages;

    InvoicePdf(SaleQueries sales, JdbcClient jdbc, TenantSettingsService settings, MessageSource messages) {
        this.sales = sales;
        this.jdbc = jdbc;
        this.settings = settings;
        this.messages = messages;
    }

    /** The PDF of the sale's invoice; 404 for an unknown sale, 409 for a pending one (it has no number yet). */
    @Transactional(readOnly = true)
    public Invoice render(UUID saleId) {
        SaleView sale = sales.get(saleId);
        if (sale.invoice() == null) {
            throw Problems.of(SalesProblem.SALE_NOT_INVOICED, "A pending sale has no invoice yet");
        }
        TenantSettings company = settings.current();
        Locale locale = company.language();
        Party customer = sale.customerId() == null ? null : customer(sale.customerId());
        Place place = place(sale.locationId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(text(locale, "invoice.title") + " " + sale.invoice());
        document.addCreator("Bodega");
        document.addAuthor(company.name());
        document.open();
        new Writer(document, locale, company, sale).write(customer, place);
        document.close();
        return new Invoice(sale.invoice(), out.toByteArray());
    }

    record Invoice(String number, byte[] pdf) {
    }

    private Party customer(UUID id) {
        return jdbc.sql("""
                        SELECT first_name || coalesce(' ' || last_name, '') AS name,
                               document_type || ' ' || document_number AS document, email, phone,
                               concat_ws(', ', address, city, country) AS address
                        FROM customers WHERE id = :id""")
                .param("id", id).query(Party.class).single();
    }

    private Place place(UUID id) {
        return jdbc.sql("SELECT name, address, phone FROM inventory_locations WHERE id = :id")
                .param("id", id).query(Place.class).single();
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Writes one invoice; small methods, one per block of the page. */
    private final class Writer {

        private final Document document;
        private final Locale locale;
        private final TenantSettings company;
        private final SaleView sale;
        private final Formats formats;

        Writer(Document document, Locale locale, TenantSettings company, SaleView sale) {
            this.document = document;
            this.locale = locale;
            this.company = company;
            this.sale = sale;
            this.formats = Formats.of(locale, company.zoneId(), sale.currency());
        }

        void write(Party customer, Place place) {
            header(place);
            parties(customer);
            lines();
            totals();
            payments();
            footer();
        }

        private void header(Place place) {
            PdfPTable table = table(new float[]{3, 2});
            PdfPCell left = cell(null, Element.ALIGN_LEFT);
            left.addElement(new Paragraph(company.name(), TITLE));
            if (company.taxId() != null) {
                left.addElement(new Paragraph(t("invoice.taxId", company.taxId()), TEXT));
            }
            left.addElement(new Paragraph(join(place.name(), place.address(), place.phone()), SMALL));
            table.addCell(left);
            PdfPCell right = cell(null, Element.ALIGN_RIGHT);
            right.addElement(right(new Paragraph(t("invoice.title"), BOLD)));
            right.addElement(right(new Paragraph(sale.invoice(), TITLE)));
            right.addElement(right(new Paragraph(t("invoice.series") + ": " + series(), TEXT)));
            right.addElement(right(new Paragraph(t("invoice.date") + ": "
                    + formats.dateTime(sale.saleDate()), TEXT)));
            table.addCell(right);
            add(table);
            if ("cancelled".equals(sale.status())) {
                add(new Paragraph(t("invoice.cancelled", formats.dateTime(sale.cancelledAt()),
                        sale.cancellationReason()), VOID));
            }
        }

        private void parties(Party customer) {
            PdfPTable table = table(new float[]{1, 1});
            PdfPCell buyer = cell(null, Element.ALIGN_LEFT);
            buyer.addElement(new Paragraph(t("invoice.customer"), BOLD));
            if (customer == null) {
                buyer.addElement(new Paragraph(t("invoice.walkIn"), TEXT));
            } else {
                buyer.addElement(new Paragraph(customer.name(), TEXT));
                buyer.addElement(new Paragraph(customer.document(), TEXT));
                buyer.addElement(new Paragraph(join(customer.address(), customer.phone(), customer.email()), SMALL));
            }
            table.addCell(buyer);
            PdfPCell seller = cell(null, Element.ALIGN_LEFT);
            seller.addElement(new Paragraph(t("invoice.seller"), BOLD));
            seller.addElement(new Paragraph(sale.sellerName() == null ? "—" : sale.sellerName(), TEXT));
            seller.addElement(new Paragraph(sale.locationName(), TEXT));
            table.addCell(seller);
            add(table);
        }

        private void lines() {
            PdfPTable table = table(new float[]{2.2f, 5, 1.3f, 1.8f, 1.6f, 1.8f, 2});
            table.setHeaderRows(1);
            for (String key : new String[]{"invoice.sku", "invoice.item", "invoice.quantity", "invoice.unitPrice",
                    "invoice.discount", "invoice.tax", "invoice.lineTotal"}) {
                PdfPCell head = cell(new Phrase(t(key), BOLD), key.equals("invoice.item") || key.equals("invoice.sku")
                        ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                head.setBorder(Rectangle.BOTTOM);
                head.setBackgroundColor(new Color(0xf0, 0xf4, 0xf8));
                table.addCell(head);
            }
            for (LineView line : sale.lines()) {
                table.addCell(cell(new Phrase(line.sku(), TEXT), Element.ALIGN_LEFT));
                table.addCell(cell(new Phrase(line.name(), TEXT), Element.ALIGN_LEFT));
                table.addCell(number(formats.qty(line.quantity())));
                table.addCell(number(money(line.unitPrice())));
                table.addCell(number(money(line.discount().add(line.saleDiscount()))));
                table.addCell(number(money(line.tax()) + " (" + formats.qty(line.taxRate()) + "%)"));
                table.addCell(number(money(line.total())));
            }
            add(table);
        }

        private void totals() {
            PdfPTable table = table(new float[]{6, 2});
            table.setWidthPercentage(45);
            table.setHorizontalAlignment(Element.ALIGN_RIGHT);
            total(table, t("invoice.subtotal"), money(sale.subtotal()), TEXT);
            total(table, t("invoice.discount"), money(sale.discount()), TEXT);
            total(table, t(sale.pricesIncludeTax() ? "invoice.taxIncluded" : "invoice.tax"), money(sale.tax()), TEXT);
            total(table, t("invoice.total"), sale.currency() + " " + money(sale.total()), BOLD);
            if (sale.refunded().signum() > 0) {
                total(table, t("invoice.refunded"), money(sale.refunded()), TEXT);
            }
            add(table);
        }

        private void payments() {
            if (sale.payments().isEmpty()) {
                return;
            }
            add(new Paragraph(t("invoice.payments"), BOLD));
            PdfPTable table = table(new float[]{3, 2, 2, 2});
            table.setWidthPercentage(60);
            table.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (PaymentView payment : sale.payments()) {
                table.addCell(cell(new Phrase(t("invoice.method." + payment.method()), TEXT), Element.ALIGN_LEFT));
                table.addCell(number(money(payment.amount())));
                table.addCell(number(payment.change().signum() > 0 ? t("invoice.tendered") + " " + money(payment.tendered()) : ""));
                table.addCell(number(payment.change().signum() > 0 ? t("invoice.change") + " " + money(payment.change())
                        : payment.reference() == null ? "" : payment.reference()));
            }
            add(table);
        }

        private void footer() {
            add(new Paragraph(t(sale.pricesIncludeTax() ? "invoice.footer.included" : "invoice.footer.excluded",
                    sale.currency()), SMALL));
        }

        private String series() {
            return sale.invoice().substring(0, sale.invoice().lastIndexOf('-'));
        }

        private void total(PdfPTable table, String label, String amount, Font font) {
            table.addCell(cell(new Phrase(label, font), Element.ALIGN_RIGHT));
            table.addCell(cell(new Phrase(amount, font), Element.ALIGN_RIGHT));
        }

        private String money(BigDecimal amount) {
            return formats.money(amount);
        }

        private String t(String key, Object... args) {
            return text(locale, key, args);
        }

        private void add(Element element) {
            document.add(element);
        }
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setSpacingAfter(8);
        return table;
    }

    private static PdfPCell cell(Phrase phrase, int alignment) {
        PdfPCell cell = phrase == null ? new PdfPCell() : new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell number(String text) {
        return cell(new Phrase(text, TEXT), Element.ALIGN_RIGHT);
    }

    private static Paragraph right(Paragraph paragraph) {
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        return paragraph;
    }

    private static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.append(joined.length() == 0 ? "" : " · ").append(part.trim());
            }
        }
        return joined.toString();
    }
}
