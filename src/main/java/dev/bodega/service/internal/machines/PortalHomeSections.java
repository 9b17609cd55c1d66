package dev.bodega.service.internal.machines;

import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * A partner user's home page: its machines, the usage it recorded lately, the parts in its warehouses. Staff (an
 * admin holds portal.* through "*") have the staff pages' cards instead.
 */
@Configuration(proxyBeanMethods = false)
class PortalHomeSections {

    @Bean
    HomeSection portalUsage(JdbcClient jdbc) {
        return new HomeSection(150, "portal.usage", actor -> !actor.partner() ? Optional.empty()
                : Optional.of(Card.count("home-portal-usage", "portal.home.usage", jdbc.sql(
                        "SELECT count(*) FROM part_usage WHERE used_at > now() - interval '30 days'")
                        .query(Long.class).single(), "/portal/usage")));
    }

    @Bean
    HomeSection portalMachines(JdbcClient jdbc) {
        return new HomeSection(200, "portal.read", actor -> !actor.partner() ? Optional.empty()
                : Optional.of(Card.count("home-portal-machines", "portal.home.machines",
                        jdbc.sql("SELECT count(*) FROM machines").query(Long.class).single(), "/portal/machines")));
    }

    @Bean
    HomeSection portalStock(PartnerStock stock) {
        return new HomeSection(210, "portal.read", actor -> !actor.partner() ? Optional.empty()
                : Optional.of(Card.count("home-portal-stock", "portal.home.stock", stock.levels(null, null).stream()
                        .filter(level -> level.onHand().signum() > 0).count(), "/portal/stock")));
    }
}
