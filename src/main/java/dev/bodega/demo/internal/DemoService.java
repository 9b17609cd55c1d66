package dev.bodega.demo.internal;

import dev.bodega.service.ServiceSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The demo workshop's service work, after its sales: parts lent to the technician for three work orders (one
 * partly returned, one out for ten days), one warranty claim waiting for review and one draft. Recorded by the
 * manager, the claims by the technician; nothing when the company has no technician.
 */
@Component
class DemoService {

    private static final Logger log = LoggerFactory.getLogger(DemoService.class);
    private static final BigDecimal ENOUGH = new BigDecimal("5");

    private final ServiceSetup service;
    private final DemoScope scope;

    DemoService(ServiceSetup service, DemoScope scope) {
        this.service = service;
        this.scope = scope;
    }

    void seed(UUID tenant, DemoUsers users, UUID workshop) {
        UUID technician = users.technician();
        if (technician == null) {
            return;
        }
        List<UUID> parts = scope.as(tenant, null, () -> service.itemsInStock(workshop, ENOUGH, 3));
        if (parts.size() < 3) {
            return;
        }
        Instant now = Instant.now();
        scope.run(tenant, users.managerOrAdmin(), () -> {
            UUID loan = service.recordMovement(new ServiceSetup.Movement(workshop, parts.get(0), technician, "prestamo",
                    new BigDecimal("3"), "OT-1041"), now.minus(Duration.ofDays(3)));
            service.returnParts(loan, BigDecimal.ONE, now.minus(Duration.ofDays(2)));
            service.recordMovement(new ServiceSetup.Movement(workshop, parts.get(1), technician, "salida",
                    BigDecimal.ONE, "OT-1042"), now.minus(Duration.ofHours(20)));
            service.recordMovement(new ServiceSetup.Movement(workshop, parts.get(2), technician, "prestamo",
                    BigDecimal.ONE, "OT-1007"), now.minus(Duration.ofDays(10)));
        });
        scope.run(tenant, technician, () -> {
            service.fileClaim(new ServiceSetup.Claim(parts.get(0), BigDecimal.ONE, workshop, technician,
                    "Se recalienta a los pocos minutos de uso", 1250, "OT-1041", "Laura Gómez"), true,
                    now.minus(Duration.ofDays(1)));
            service.fileClaim(new ServiceSetup.Claim(parts.get(1), BigDecimal.ONE, workshop, technician,
                    "Llegó con la carcasa rota", null, "OT-1042", null), false, now.minus(Duration.ofHours(5)));
        });
        log.info("Demo service: 3 loans out at the workshop, 1 warranty claim pending, 1 draft");
    }
}
