package dev.bodega.service.internal;

import dev.bodega.platform.Actor;
import dev.bodega.platform.CursorPage;
import dev.bodega.platform.Idempotency;
import dev.bodega.platform.PageQuery;
import dev.bodega.platform.RequiresPermission;
import dev.bodega.platform.Versioned;
import dev.bodega.service.internal.MovementViews.LoanView;
import dev.bodega.service.internal.MovementViews.MovementView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Technician movements (seed 003 movimientos_tecnicos), their returns, and the loans still out. */
@RestController
@RequestMapping("/api/v1/service")
@Tag(name = "Technician movements")
class TechnicianApiController {

    private final TechnicianMovements movements;

    TechnicianApiController(TechnicianMovements movements) {
        this.movements = movements;
    }

    @GetMapping("/technician-movements")
    @RequiresPermission("technicians.view")
    @Operation(summary = "Technician movements at your locations, newest first; filter by technician, concept, work order")
    CursorPage<MovementView> list(@RequestParam(required = false) UUID technicianId,
                                  @RequestParam(required = false) String concept,
                                  @RequestParam(required = false) String workOrder, PageQuery<UUID> page) {
        return movements.list(new TechnicianMovements.Filter(technicianId, concept, workOrder), page.cursor(),
                page.limit());
    }

    @GetMapping("/technician-movements/{id}")
    @RequiresPermission("technicians.view")
    @Operation(summary = "One technician movement; the ETag is its version")
    Versioned<MovementView> get(@PathVariable UUID id) {
        return Versioned.of(movements.get(id), MovementView::version);
    }

    @PostMapping("/technician-movements")
    @RequiresPermission("technicians.create")
    @Operation(summary = "Record a technician movement; takes an Idempotency-Key",
            description = "concept: salida, ingreso, venta, garantia, prestamo or cotizacion; type (ingreso, salida, "
                    + "venta) defaults from it, and only a cotizacion may take any type. The technician is a user whose "
                    + "role grants technicians.own. Except a cotizacion, the movement posts a TECHNICIAN line at the "
                    + "location: salida and venta take stock (409 insufficient-stock when it is not there), ingreso "
                    + "brings it. Parts taken as salida or prestamo stay out until returned or settled.")
    ResponseEntity<?> create(@RequestHeader(value = Idempotency.HEADER, required = false) String key,
                             @Valid @RequestBody TechnicianMovements.MovementRequest request) {
        return movements.record(key, request);
    }

    @PostMapping("/technician-movements/{id}/returns")
    @RequiresPermission("technicians.create")
    @Operation(summary = "Return unused parts of a movement still out; takes an Idempotency-Key",
            description = "Records a devolucion movement pointing to this one and posts the quantity back into the "
                    + "location at the cost it left with. More than is still out is 409 over-return; a settled "
                    + "movement, or one that is not a salida or prestamo, is 409 movement-not-returnable.")
    ResponseEntity<?> returnParts(@PathVariable UUID id,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody TechnicianMovements.ReturnRequest request) {
        return movements.returnParts(key, id, request);
    }

    @PostMapping("/technician-movements/{id}/settle")
    @RequiresPermission("technicians.settle")
    @Operation(summary = "Mark the movement's job settled (descargada): what is still out was used and no longer returns")
    Versioned<MovementView> settle(@PathVariable UUID id) {
        return Versioned.of(movements.settle(id), MovementView::version);
    }

    @GetMapping("/technician-loans")
    @RequiresPermission("technicians.view")
    @Operation(summary = "Parts still out with technicians, oldest first, with their age in days; filter by technician")
    List<LoanView> loans(@RequestParam(required = false) UUID technicianId) {
        return movements.loans(technicianId);
    }

    @GetMapping("/my-loans")
    @RequiresPermission("technicians.own")
    @Operation(summary = "The parts still out with you, the calling technician")
    List<LoanView> myLoans() {
        return movements.loans(Actor.require().userId());
    }
}
