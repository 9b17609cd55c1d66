package dev.bodega.sales.internal.documents;

import dev.bodega.platform.CsvWriter;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.sales.internal.reports.SalesReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Documents of sales: the PDF invoice of one sale and the CSV export of a period's sales. */
@RestController
@Tag(name = "Sales")
class SalesDocumentsApiController {

    private final InvoicePdf invoices;
    private final SalesCsv csv;
    private final SalesReports reports;

    SalesDocumentsApiController(InvoicePdf invoices, SalesCsv csv, SalesReports reports) {
        this.invoices = invoices;
        this.csv = csv;
        this.reports = reports;
    }

    /** The content type is set on the response rather than declared, so an unknown id is a 404 problem for any Accept. */
    @GetMapping("/api/v1/sales/{id}/invoice.pdf")
    @RequiresPermission("sales.read")
    @Operation(summary = "The sale's invoice as a PDF (completed or cancelled sales; a pending sale has no invoice: 409)")
    ResponseEntity<byte[]> invoice(@PathVariable UUID id) {
        InvoicePdf.Invoice invoice = invoices.render(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(invoice.number() + ".pdf").build().toString())
                .body(invoice.pdf());
    }

    @GetMapping("/api/v1/sales.csv")
    @RequiresPermission("sales.read")
    @Operation(summary = "The period's completed and cancelled sales as CSV, one row per sale line (the sale's columns repeat on its lines); from/to as in the reports, default the last 30 days")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        SalesReports.Period period = reports.period(from, to);
        CsvWriter.describe(response);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("sales-" + period.from() + "-" + period.to() + ".csv").build().toString());
        csv.write(period, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
