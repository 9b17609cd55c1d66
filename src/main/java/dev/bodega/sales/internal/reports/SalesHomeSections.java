package dev.bodega.sales.internal.reports;

import dev.bodega.platform.FirstStep;
import dev.bodega.platform.HomeSection;
import dev.bodega.platform.HomeSection.Card;
import dev.bodega.platform.TenantContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The sales cards of the home page: the till, today's sales (the company's and one's own), parked sales. */
@Configuration(proxyBeanMethods = false)
class SalesHomeSections {

    /** The signed-in user's completed sales of the day. */
    record Mine(LocalDate date, String currency, long count, BigDecimal total) {
    }

    @Bean
    HomeSection tillCard() {
        return new HomeSection(100, "sales.create", actor -> Optional.of(new Card("sales/home :: till", null)));
    }

    @Bean
    HomeSection ownSalesToday(SalesReports reports) {
        return new HomeSection(110, "sales.create", actor -> {
            LocalDate today = reports.today();
            SalesReports.Breakdown sellers = reports.bySeller(new SalesReports.Period(today, today));
            Mine mine = sellers.rows().stream().filter(row -> actor.userId().equals(row.id()))
                    .map(row -> new Mine(today, sellers.currency(), row.count(), row.total())).findFirst()
                    .orElse(new Mine(today, sellers.currency(), 0, BigDecimal.ZERO));
            return Optional.of(new Card("sales/home :: mine", mine));
        });
    }

    @Bean
    HomeSection salesToday(SalesReports reports) {
        return new HomeSection(200, "sales.read", actor -> {
            return Optional.of(new Card("sales/home :: today", reports.day(reports.today())));
        });
    }

    /** Parked at a till (pending): someone has to complete or void them. */
    @Bean
    HomeSection parkedSales(JdbcClient jdbc) {
        return new HomeSection(320, "sales.read", actor -> Optional.of(new Card("sales/home :: parked",
                jdbc.sql("SELECT count(*) FROM sales WHERE tenant_id = :tenant AND status = 'pending'")
                        .param("tenant", TenantContext.tenantId()).query(Long.class).single())));
    }

    @Bean
    FirstStep firstSale(JdbcClient jdbc) {
        return new FirstStep(40, "home.step.sale", "/pos", "sales.create", () -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM sales WHERE tenant_id = :tenant AND status = 'completed')")
                .param("tenant", TenantContext.tenantId()).query(Boolean.class).single());
    }
}
