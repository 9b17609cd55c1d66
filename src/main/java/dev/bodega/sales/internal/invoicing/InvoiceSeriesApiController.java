package dev.bodega.sales.internal.invoicing;

import dev.bodega.platform.CursorPage;
import dev.bodega.platform.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Invoice series per point of sale; creating one or changing a location's default is a company setting. */
@RestController
@RequestMapping("/api/v1/invoice-series")
@Tag(name = "Invoice series")
class InvoiceSeriesApiController {

    private final InvoiceSeriesStore series;

    InvoiceSeriesApiController(InvoiceSeriesStore series) {
        this.series = series;
    }

    @GetMapping
    @RequiresPermission("sales.read")
    @Operation(summary = "List invoice series by code, optionally of one location")
    CursorPage<InvoiceSeriesStore.SeriesView> list(@RequestParam(required = false) UUID locationId) {
        return new CursorPage<>(series.list(locationId), null);
    }

    @GetMapping("/{id}")
    @RequiresPermission("sales.read")
    InvoiceSeriesStore.SeriesView get(@PathVariable UUID id) {
        return series.get(id);
    }

    @PostMapping
    @RequiresPermission("settings.write")
    @Operation(summary = "Create a series for a location (the location's first becomes its default)")
    ResponseEntity<InvoiceSeriesStore.SeriesView> create(@Valid @RequestBody InvoiceSeriesStore.NewSeries request) {
        InvoiceSeriesStore.SeriesView created = series.create(request);
        return ResponseEntity.created(URI.create("/api/v1/invoice-series/" + created.id())).body(created);
    }

    @PostMapping("/{id}/default")
    @RequiresPermission("settings.write")
    @Operation(summary = "Make the series its location's default (what a sale uses when it names no series)")
    InvoiceSeriesStore.SeriesView makeDefault(@PathVariable UUID id) {
        return series.makeDefault(id);
    }
}
