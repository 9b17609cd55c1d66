package dev.bodega.inventory.internal.requests;

import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** The transfer requests of the home page: what the user's locations must send, and what is on its way to them. */
@Configuration(proxyBeanMethods = false)
class RequestHomeSections {

    @Bean
    HomeSection requestsToSend(JdbcClient jdbc) {
        return new HomeSection(200, "requests.dispatch", actor -> Optional.of(Card.count("home-requests-to-send",
                "requests.home.toSend", jdbc.sql("""
                                SELECT count(*) FROM transfer_requests
                                WHERE status IN ('PENDIENTE', 'ALISTAMIENTO') AND app_works_at(origin_id)""")
                        .query(Long.class).single(), "/inventory/requests")));
    }

    @Bean
    HomeSection requestsToReceive(JdbcClient jdbc) {
        return new HomeSection(200, "requests.receive", actor -> Optional.of(Card.count("home-requests-to-receive",
                "requests.home.toReceive", jdbc.sql("""
                                SELECT count(*) FROM transfer_requests
                                WHERE status = 'DESPACHADO' AND app_works_at(destination_id)""")
                        .query(Long.class).single(), "/inventory/requests?status=DESPACHADO")));
    }
}
