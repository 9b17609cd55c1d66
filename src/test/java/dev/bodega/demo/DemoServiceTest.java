package dev.bodega.demo;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo company's workshop has parts out with its technician and warranty claims waiting. */
@BodegaTest
class DemoServiceTest {

    @Autowired Api api;

    @Test
    void theDemoWorkshopHasLoansOutAndAClaimPending() {
        WebSession manager = WebSession.signedIn(api.baseUrl(), "demo", "gerente@demo.bodega", "bodega-demo");
        JsonNode loans = manager.api("GET", "/api/v1/service/technician-loans", null).json();
        assertThat(loans).hasSize(3);
        assertThat(loans.get(0).get("technicianName").asString()).isEqualTo("Tomás Técnico");
        assertThat(loans.findValuesAsString("workOrder")).contains("OT-1007", "OT-1041", "OT-1042");
        JsonNode pending = manager.api("GET", "/api/v1/service/warranty-claims?status=PENDIENTE", null).json();
        assertThat(pending.get("items")).hasSize(1);
        assertThat(manager.api("GET", "/api/v1/service/warranty-claims?status=SIN_ENVIAR", null).json().get("items"))
                .hasSize(1);
        assertThat(manager.get("/notifications").body()).contains("Garantía pendiente");

        WebSession technician = WebSession.signedIn(api.baseUrl(), "demo", "tecnico@demo.bodega", "bodega-demo");
        assertThat(technician.get("/service/my-parts").body()).contains("OT-1007", "OT-1041");
    }
}
