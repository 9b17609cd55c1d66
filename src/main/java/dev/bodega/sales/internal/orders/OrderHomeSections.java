package dev.bodega.sales.internal.orders;

import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import dev.bodega.platform.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** Home cards: the staff's orders waiting for a decision or a shipment; a partner's own orders under way. */
@Configuration(proxyBeanMethods = false)
class OrderHomeSections {

    @Bean
    HomeSection ordersToApprove(OrderQueries queries) {
        return new HomeSection(300, "orders.approve", actor -> Optional.of(Card.count("home-orders-to-approve",
                "orders.home.waiting", queries.count(OrderStatus.SUBMITTED),
                "/sales/customer-orders?status=submitted")));
    }

    @Bean
    HomeSection ordersToShip(OrderQueries queries) {
        return new HomeSection(300, "orders.ship", actor -> Optional.of(Card.count("home-orders-to-ship",
                "orders.home.toShip", queries.count(OrderStatus.APPROVED) + queries.count(OrderStatus.PARTIALLY_SHIPPED),
                "/sales/customer-orders?status=approved")));
    }

    /** Only a partner's: row-level security counts its organization's orders. */
    @Bean
    HomeSection myOrders(JdbcClient jdbc) {
        return new HomeSection(100, "portal.orders", actor -> !actor.partner() ? Optional.empty()
                : Optional.of(Card.count("home-my-orders", "orders.home.mine", jdbc.sql("""
                        SELECT count(*) FROM customer_orders
                        WHERE tenant_id = :tenant
                          AND status IN ('draft', 'submitted', 'approved', 'partially_shipped', 'shipped')""")
                        .param("tenant", TenantContext.tenantId()).query(Long.class).single(), "/portal/orders")));
    }
}
