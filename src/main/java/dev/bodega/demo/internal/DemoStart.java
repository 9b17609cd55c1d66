package dev.bodega.demo.internal;

import dev.bodega.demo.DemoData;
import dev.bodega.platform.Companies;
import dev.bodega.platform.Installation;
import dev.bodega.platform.OperatorAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * On the first start of an empty database, the demo company: one user per default role, then its data. The
 * installation remembers it was made, so it is never made again, even after the demo company is changed or deleted.
 */
@Component
@ConditionalOnProperty(name = "bodega.demo.enabled", havingValue = "true")
class DemoStart {

    static final String SLUG = "demo";
    static final String PASSWORD = "bodega-demo";
    static final String OPERATOR = "operador@bodega.dev";
    private static final Logger log = LoggerFactory.getLogger(DemoStart.class);

    private final Installation installation;
    private final Companies companies;
    private final DemoData data;
    private final OperatorAccounts operators;

    DemoStart(Installation installation, Companies companies, DemoData data, OperatorAccounts operators) {
        this.installation = installation;
        this.companies = companies;
        this.data = data;
        this.operators = operators;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onFirstStart() {
        if (!installation.claimDemoCompany()) {
            return;
        }
        long started = System.nanoTime();
        Companies.Created created;
        try {
            created = companies.signUp(new Companies.NewCompany(SLUG, "Ferretería El Tornillo (demo)",
                    "Ana Administradora", "admin@demo.bodega", PASSWORD, "es", DemoScope.SOURCE));
        } catch (ErrorResponseException e) {
            log.info("A company '{}' already exists; the demo company is not created", SLUG);
            return;
        }
        addUsers(created);
        operators.createIfMissing(OPERATOR, "Olga Operadora", PASSWORD);
        try {
            data.fill(created.tenantId(), created.adminId());
        } catch (RuntimeException e) {
            // Demo data is a convenience: the company and its users stay usable without it.
            log.error("The demo company's data could not be created", e);
        }
        log.info("Demo company created in {} ms: company '{}', user admin@demo.bodega, password '{}'",
                (System.nanoTime() - started) / 1_000_000, SLUG, PASSWORD);
    }

    private void addUsers(Companies.Created created) {
        for (List<String> user : List.of(
                List.of("manager", DemoUsers.MANAGER, "Gabriel Gerente"),
                List.of("seller", DemoUsers.SELLER, "Valeria Vendedora"),
                List.of("technician", DemoUsers.TECHNICIAN, "Tomás Técnico"),
                List.of("viewer", "consulta@demo.bodega", "Carla Consulta"))) {
            companies.addUser(created.tenantId(), user.get(1), user.get(2), PASSWORD, created.roles().get(user.get(0)));
        }
    }
}
