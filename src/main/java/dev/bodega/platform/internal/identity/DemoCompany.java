package dev.bodega.platform.internal.identity;

import dev.bodega.platform.DemoCompanyCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * On the first start of an empty database, a demo company with one user per
 * default role. The installation row remembers it, so it is never re-seeded,
 * even after the demo company is changed or deleted.
 */
@Component
@ConditionalOnProperty(name = "bodega.demo.enabled", havingValue = "true")
public class DemoCompany {

    public static final String SLUG = "demo";
    public static final String PASSWORD = "bodega-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

    private final SignupService signups;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoCompany(SignupService signups, JdbcClient jdbc, TransactionTemplate transactions,
                ApplicationEventPublisher events) {
        this.signups = signups;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedOnce() {
        boolean seeded = transactions.execute(tx -> jdbc.sql("SELECT demo_seeded_at IS NOT NULL FROM installation")
                .query(Boolean.class).single());
        if (seeded) {
            return;
        }
        try {
            var created = signups.signUp(new SignupService.Signup(SLUG, "Ferretería El Tornillo (demo)",
                    "Ana Administradora", "admin@demo.bodega", PASSWORD, "es"), null, "demo-seed");
            addUsers(created.tenantId(), created.roles());
            // Other modules fill the company with their demo data (catalog, stock, ...).
            events.publishEvent(new DemoCompanyCreated(created.tenantId(), created.adminId()));
            log.info("Demo company created: company '{}', user admin@demo.bodega, password '{}'", SLUG, PASSWORD);
        } catch (ErrorResponseException e) {
            log.info("A company '{}' already exists; the demo company is not created", SLUG);
        }
        transactions.executeWithoutResult(tx -> jdbc.sql("UPDATE installation SET demo_seeded_at = now()").update());
    }

    private void addUsers(UUID tenantId, Map<String, UUID> roles) {
        for (var user : List.of(
                List.of("manager", "gerente@demo.bodega", "Gabriel Gerente"),
                List.of("seller", "vendedor@demo.bodega", "Valeria Vendedora"),
                List.of("technician", "tecnico@demo.bodega", "Tomás Técnico"),
                List.of("viewer", "consulta@demo.bodega", "Carla Consulta"))) {
            signups.addUser(tenantId, user.get(1), user.get(2), PASSWORD, roles.get(user.get(0)));
        }
    }
}
