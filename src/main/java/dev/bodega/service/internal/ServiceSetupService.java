package dev.bodega.service.internal;

import dev.bodega.service.ServiceSetup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link ServiceSetup} on the services behind the API: {@link TechnicianMovements} and {@link WarrantyClaims}. */
@Service
class ServiceSetupService implements ServiceSetup {

    private final JdbcClient jdbc;
    private final TechnicianMovements movements;
    private final WarrantyClaims claims;

    ServiceSetupService(JdbcClient jdbc, TechnicianMovements movements, WarrantyClaims claims) {
        this.jdbc = jdbc;
        this.movements = movements;
        this.claims = claims;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> itemsInStock(UUID locationId, BigDecimal atLeast, int limit) {
        return jdbc.sql("""
                        SELECT item_id FROM inventory_stock_levels
                        WHERE location_id = :location AND on_hand >= :atLeast
                        ORDER BY on_hand DESC, item_id LIMIT :limit""")
                .param("location", locationId).param("atLeast", atLeast).param("limit", limit)
                .query(UUID.class).list();
    }

    @Override
    public UUID recordMovement(Movement m, Instant at) {
        return movements.record(new TechnicianMovements.MovementRequest(m.locationId(), m.itemId(), m.technicianId(),
                m.concept(), null, m.quantity(), m.workOrder(), null), at).id();
    }

    @Override
    public UUID returnParts(UUID movementId, BigDecimal quantity, Instant at) {
        return movements.returnParts(movementId, new TechnicianMovements.ReturnRequest(quantity, null), at).id();
    }

    @Override
    public UUID fileClaim(Claim c, boolean submit, Instant at) {
        return claims.create(new WarrantyClaims.ClaimRequest(c.itemId(), c.quantity(), c.locationId(), c.technicianId(),
                c.failureReason(), c.mileage(), c.workOrder(), c.requester(), submit), at).id();
    }
}
