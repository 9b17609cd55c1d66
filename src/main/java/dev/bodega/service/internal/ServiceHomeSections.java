package dev.bodega.service.internal;

import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/** The service cards of the home page: a technician's parts still out, the loans and claims a manager follows. */
@Configuration(proxyBeanMethods = false)
class ServiceHomeSections {

    @Bean
    HomeSection myParts(TechnicianMovements movements) {
        return new HomeSection(160, "technicians.own", actor -> Optional.of(Card.count("home-my-parts",
                "service.home.myParts", movements.loans(actor.userId()).size(), "/service/my-parts")));
    }

    @Bean
    HomeSection loansOut(TechnicianMovements movements) {
        return new HomeSection(320, "technicians.view", actor -> Optional.of(Card.count("home-loans",
                "service.home.loans", movements.loans(null).size(), "/service/loans")));
    }

    @Bean
    HomeSection claimsToResolve(JdbcClient jdbc) {
        return new HomeSection(320, ClaimNotifier.RESOLVE, actor -> Optional.of(Card.count("home-claims",
                "service.home.claims", jdbc.sql("SELECT count(*) FROM warranty_claims WHERE status = 'PENDIENTE'")
                        .query(Long.class).single(), "/service/claims?status=PENDIENTE")));
    }
}
