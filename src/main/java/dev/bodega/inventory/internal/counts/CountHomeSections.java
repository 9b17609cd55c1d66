package dev.bodega.inventory.internal.counts;

import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import dev.bodega.platform.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** The counts of the home page: those still being counted at the user's locations. */
@Configuration(proxyBeanMethods = false)
class CountHomeSections {

    @Bean
    HomeSection countsOpen(JdbcClient jdbc) {
        return new HomeSection(170, "inventory.count", actor -> Optional.of(Card.count("home-counts",
                "counts.home.open",
                jdbc.sql("SELECT count(*) FROM stock_counts WHERE tenant_id = :tenant AND status = 'counting'")
                        .param("tenant", TenantContext.tenantId()).query(Long.class).single(),
                "/inventory/counts?status=counting")));
    }
}
