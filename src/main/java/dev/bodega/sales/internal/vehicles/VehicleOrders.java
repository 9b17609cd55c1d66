package dev.bodega.sales.internal.vehicles;

import dev.bodega.platform.Actor;
import dev.bodega.platform.Ids;
import dev.bodega.platform.NotFoundException;
import dev.bodega.platform.PlatformProblem;
import dev.bodega.platform.Problems;
import dev.bodega.platform.TenantContext;
import dev.bodega.platform.Versions;
import dev.bodega.sales.VehicleOrderDesk;
import dev.bodega.sales.internal.SalesProblem;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.bodega.platform.Text.blankToNull;

/**
 * Vehicle orders (seed 003 order_follow): a customer's vehicle of one model, ordered → in transit → delivered,
 * or cancelled before delivery. Each order has a tracking token, a random secret for the customer's public page.
 */
@Service
class VehicleOrders implements VehicleOrderDesk {

    record Order(UUID id, String number, UUID modelId, String modelName, int level, String status,
                 String contactPhone, String contactEmail, String externalLink, LocalDate orderDate,
                 LocalDate estimatedDelivery, String trackingPath, Instant inTransitAt, Instant deliveredAt,
                 Instant cancelledAt, long version) {
    }

    record OrderRequest(
            @NotBlank(message = "{vehicles.order.number.required}") @Size(max = 40, message = "{field.too-long}")
            String number,
            @NotNull(message = "{vehicles.order.model.required}") UUID modelId,
            @Size(max = 32, message = "{field.too-long}") String contactPhone,
            @Email(message = "{field.email.invalid}") @Size(max = 254, message = "{field.too-long}") String contactEmail,
            @Pattern(regexp = "^(https?://\\S+)?$", message = "{vehicles.order.link.invalid}")
            @Size(max = 500, message = "{field.too-long}") String externalLink,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate estimatedDelivery) {

        static OrderRequest of(Order order) {
            return new OrderRequest(order.number(), order.modelId(), order.contactPhone(), order.contactEmail(),
                    order.externalLink(), order.orderDate(), order.estimatedDelivery());
        }
    }

    /** A vehicle model to choose from (catalog's published view). */
    record ModelChoice(UUID id, String name) {
    }

    record Filter(Integer level, String status) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = """
            SELECT o.id, o.number, o.model_id, m.name AS model_name, o.level, o.status, o.contact_phone,
                   o.contact_email, o.external_link, o.order_date, o.estimated_delivery,
                   '/track/' || o.tracking_token AS tracking_path, o.in_transit_at, o.delivered_at, o.cancelled_at,
                   o.version
            FROM vehicle_orders o
            JOIN catalog_vehicle_models m ON m.tenant_id = o.tenant_id AND m.id = o.model_id
            """;

    private final JdbcClient jdbc;

    VehicleOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; at most {@code limit} after the order {@code before}. */
    @Transactional(readOnly = true)
    public List<Order> list(Filter filter, UUID before, int limit) {
        return jdbc.sql(SELECT + """
                        WHERE (CAST(:level AS integer) IS NULL OR o.level = :level)
                          AND (CAST(:status AS text) IS NULL OR o.status = :status)
                          AND (CAST(:before AS uuid) IS NULL OR o.id < :before)
                        ORDER BY o.id DESC LIMIT :limit""")
                .param("level", filter.level()).param("status", blankToNull(filter.status()))
                .param("before", before).param("limit", limit)
                .query(Order.class).list();
    }

    @Transactional(readOnly = true)
    public List<ModelChoice> models() {
        return jdbc.sql("SELECT id, name FROM catalog_vehicle_models ORDER BY lower(name)").query(ModelChoice.class).list();
    }

    @Transactional(readOnly = true)
    public Order get(UUID id) {
        return jdbc.sql(SELECT + "WHERE o.id = :id").param("id", id).query(Order.class).optional()
                .orElseThrow(() -> new NotFoundException("Vehicle order"));
    }

    @Transactional
    public Order create(OrderRequest request) {
        requireModel(request.modelId());
        LocalDate orderDate = request.orderDate() == null ? LocalDate.now() : request.orderDate();
        requireDates(orderDate, request.estimatedDelivery());
        UUID id = Ids.next();
        String token = newToken();
        try {
            jdbc.sql("""
                            INSERT INTO vehicle_orders (tenant_id, id, number, model_id, contact_phone, contact_email,
                                                        external_link, order_date, estimated_delivery, tracking_token,
                                                        created_by)
                            VALUES (:tenant, :id, :number, :model, :phone, :email, :link, :orderDate, :eta, :token,
                                    :user)""")
                    .param("tenant", TenantContext.tenantId()).param("id", id)
                    .param("number", request.number().trim()).param("model", request.modelId())
                    .param("phone", blankToNull(request.contactPhone()))
                    .param("email", email(request.contactEmail())).param("link", blankToNull(request.externalLink()))
                    .param("orderDate", orderDate).param("eta", request.estimatedDelivery())
                    .param("token", token).param("user", Actor.current().map(Actor::userId).orElse(null))
                    .update();
            jdbc.sql("INSERT INTO vehicle_order_tracking (tracking_token, tenant, order_id) VALUES (:token, :tenant, :id)")
                    .param("token", token).param("tenant", TenantContext.tenantId()).param("id", id).update();
        } catch (DuplicateKeyException e) {
            throw numberTaken(request.number());
        }
        return get(id);
    }

    @Transactional
    public Order update(UUID id, Long expectedVersion, OrderRequest request) {
        Order current = get(id);
        Versions.check(expectedVersion, current.version());
        requireModel(request.modelId());
        LocalDate orderDate = request.orderDate() == null ? current.orderDate() : request.orderDate();
        requireDates(orderDate, request.estimatedDelivery());
        int updated;
        try {
            updated = jdbc.sql("""
                            UPDATE vehicle_orders SET number = :number, model_id = :model, contact_phone = :phone,
                                   contact_email = :email, external_link = :link, order_date = :orderDate,
                                   estimated_delivery = :eta, version = version + 1, updated_at = now()
                            WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                    .param("number", request.number().trim()).param("model", request.modelId())
                    .param("phone", blankToNull(request.contactPhone())).param("email", email(request.contactEmail()))
                    .param("link", blankToNull(request.externalLink())).param("orderDate", orderDate)
                    .param("eta", request.estimatedDelivery())
                    .param("tenant", TenantContext.tenantId()).param("id", id).param("version", expectedVersion)
                    .update();
        } catch (DuplicateKeyException e) {
            throw numberTaken(request.number());
        }
        if (updated == 0) {
            throw Problems.staleVersion();
        }
        return get(id);
    }

    /** Moves an active order one level forward; any other move (back, skipping, from delivered) is a 409. */
    @Transactional
    public Order moveTo(UUID id, int level) {
        Order current = get(id);
        VehicleOrderLevel target = VehicleOrderLevel.of(level).orElseThrow(() -> illegal(current, "level " + level));
        VehicleOrderLevel from = target.previous().orElseThrow(() -> illegal(current, "level " + level));
        int moved = jdbc.sql("""
                        UPDATE vehicle_orders SET level = :to, version = version + 1, updated_at = now(),
                               in_transit_at = CASE WHEN :to = 2 THEN now() ELSE in_transit_at END,
                               delivered_at = CASE WHEN :to = 3 THEN now() ELSE delivered_at END
                        WHERE tenant_id = :tenant AND id = :id AND level = :from AND status = 'active'""")
                .param("to", target.number()).param("from", from.number())
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        if (moved == 0) {
            throw illegal(current, "level " + level);
        }
        return get(id);
    }

    /** Cancels an active order not yet delivered. */
    @Transactional
    public Order cancel(UUID id) {
        Order current = get(id);
        int cancelled = jdbc.sql("""
                        UPDATE vehicle_orders SET status = 'cancelled', cancelled_at = now(), version = version + 1,
                               updated_at = now()
                        WHERE tenant_id = :tenant AND id = :id AND status = 'active' AND level < 3""")
                .param("tenant", TenantContext.tenantId()).param("id", id).update();
        if (cancelled == 0) {
            throw illegal(current, "cancelled");
        }
        return get(id);
    }

    @Override
    public UUID createVehicleOrder(NewVehicleOrder order) {
        return create(new OrderRequest(order.number(), order.modelId(), order.contactPhone(), order.contactEmail(),
                order.externalLink(), order.orderDate(), order.estimatedDelivery())).id();
    }

    @Override
    public void moveVehicleOrder(UUID orderId, int level) {
        moveTo(orderId, level);
    }

    private void requireModel(UUID modelId) {
        if (jdbc.sql("SELECT count(*) FROM catalog_vehicle_models WHERE id = :id").param("id", modelId)
                .query(Long.class).single() == 0) {
            throw Problems.of(SalesProblem.UNKNOWN_VEHICLE_MODEL, "No vehicle model " + modelId);
        }
    }

    private static void requireDates(LocalDate orderDate, LocalDate estimatedDelivery) {
        if (estimatedDelivery != null && estimatedDelivery.isBefore(orderDate)) {
            throw Problems.of(PlatformProblem.VALIDATION,
                    "estimatedDelivery: must not be before the order date");
        }
    }

    /** 32 random bytes, URL-safe: the customer's link must not be guessable or derived from the id. */
    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String email(String email) {
        String value = blankToNull(email);
        return value == null ? null : value.trim().toLowerCase();
    }

    private static RuntimeException numberTaken(String number) {
        return Problems.of(SalesProblem.VEHICLE_ORDER_NUMBER_TAKEN, "Another vehicle order is numbered " + number.trim());
    }

    private static RuntimeException illegal(Order order, String to) {
        return Problems.of(SalesProblem.VEHICLE_ORDER_TRANSITION, "Vehicle order " + order.number() + " at level "
                + order.level() + " (" + order.status() + ") cannot be " + (to.startsWith("level") ? "moved to " : "")
                + to);
    }
}
