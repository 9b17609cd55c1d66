package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner users (seed 004): they hold partner roles only, each organization keeps an active admin, the partner
 * admin manages its own organization's people and no one else's, and staff invite into any organization.
 */
@BodegaTest
class PartnerPeopleTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired PartnerSetup partners;

    @Test
    void staffInviteIntoAnOrganizationWithPartnerRolesOnlyAndTheFirstIsAnAdmin() {
        var tenant = fixtures.tenant();
        UUID org = organization(tenant, "Granja Marina");

        var firstAsUser = invite(tenant, "uno@granja.test", "partner_user", org);
        assertThat(firstAsUser.status()).isEqualTo(409);
        assertThat(firstAsUser.json().get("type").asString()).endsWith("/partner-needs-admin");
        var staffRole = invite(tenant, "dos@granja.test", "seller", org);
        assertThat(staffRole.status()).isEqualTo(422);
        assertThat(staffRole.json().get("type").asString()).endsWith("/partner-roles");
        var partnerRoleForStaff = invite(tenant, "tres@shop.test", "partner_admin", null);
        assertThat(partnerRoleForStaff.status()).isEqualTo(422);

        assertThat(invite(tenant, "jefa@granja.test", "partner_admin", org).status()).isEqualTo(201);
        assertThat(invite(tenant, "uno@granja.test", "partner_user", org).status()).isEqualTo(201);
        JsonNode people = api.get(tenant.adminKey(), "/api/v1/organizations/" + org + "/users").json();
        List<String> emails = new ArrayList<>();
        people.forEach(p -> emails.add(p.get("email").asString() + (p.get("admin").asBoolean() ? "*" : "")));
        assertThat(emails).containsExactlyInAnyOrder("jefa@granja.test*", "uno@granja.test");
    }

    @Test
    void thePartnerAdminManagesOnlyItsOwnPeopleAndKeepsAnAdmin() {
        var tenant = fixtures.tenant();
        UUID org = organization(tenant, "Granja Marina");
        UUID other = organization(tenant, "Pesquera Sur");
        String adminEmail = "jefa@" + tenant.slug() + ".test";
        UUID admin = fixtures.partnerUser(tenant, org, adminEmail, "partner_admin");
        UUID colleague = fixtures.partnerUser(tenant, org, "colega@" + tenant.slug() + ".test", "partner_user");
        UUID stranger = fixtures.partnerUser(tenant, other, "ajeno@" + tenant.slug() + ".test", "partner_admin");

        WebSession session = WebSession.signedIn(api.baseUrl(), tenant.slug(), adminEmail, TestFixtures.PASSWORD);
        assertThat(session.api("GET", "/api/v1/me", null).json().get("organizationId").asString())
                .isEqualTo(org.toString());
        var page = session.get("/portal/users");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("colega@", "Granja Marina").doesNotContain("ajeno@", "??");

        var invited = session.post("/portal/users", Map.of("email", "nuevo@granja.test", "role", "partner_user"));
        assertThat(invited.status()).isEqualTo(302);
        assertThat(session.get("/portal/users").body()).contains("nuevo@granja.test");
        var badEmail = session.post("/portal/users", Map.of("email", "no-es-correo", "role", "partner_user"));
        assertThat(badEmail.status()).isEqualTo(200);

        // Another organization's person is not there to manage; neither are the company's staff.
        assertThat(session.post("/portal/users/" + stranger + "/active", Map.of("active", "false", "version", "0"))
                .status()).isEqualTo(404);
        assertThat(session.get("/users").status()).isEqualTo(403);
        assertThat(session.get("/partners/" + other + "/people").status()).isEqualTo(403);

        // The staff cannot take the organization's last admin away while it has people.
        var lastAdmin = api.put(tenant.adminKey(), "/api/v1/users/" + admin,
                Map.of("name", "Jefa", "email", adminEmail, "active", false),
                Map.of("If-Match", api.get(tenant.adminKey(), "/api/v1/users/" + admin).header("etag")));
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.json().get("type").asString()).endsWith("/partner-needs-admin");
        var colleagueOff = session.post("/portal/users/" + colleague + "/active", Map.of("active", "false",
                "version", api.get(tenant.adminKey(), "/api/v1/users/" + colleague).json().get("version").asString()));
        assertThat(colleagueOff.status()).isEqualTo(302);
        assertThat(session.get("/portal/users").body()).contains("Inactivo");
    }

    @Test
    void staffPagesInviteIntoTheOrganization() {
        var tenant = fixtures.tenant();
        UUID org = organization(tenant, "Granja Marina");
        WebSession session = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        assertThat(session.get("/partners/" + org).body()).contains("/partners/" + org + "/people");
        var refused = session.post("/partners/" + org + "/people", Map.of("email", "uno@granja.test", "role", "partner_user"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("al menos un administrador");
        var invited = session.post("/partners/" + org + "/people?lang=en", Map.of("email", "jefa@granja.test", "role", "partner_admin"));
        assertThat(invited.status()).isEqualTo(302);
        assertThat(session.get("/partners/" + org + "/people?lang=en").body()).contains("jefa@granja.test", "Invited");
    }

    private UUID organization(TestFixtures.Tenant tenant, String name) {
        return TestFixtures.asUser(tenant.id(), tenant.adminId(), java.util.Set.of("*"),
                () -> partners.createOrganization(new PartnerSetup.NewOrganization(name, "customer", null, null, null)));
    }

    private Api.Response invite(TestFixtures.Tenant tenant, String email, String role, UUID org) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("email", email);
        body.put("roleIds", List.of(tenant.roles().get(role)));
        body.put("organizationId", org);
        return api.post(tenant.adminKey(), "/api/v1/invitations", body);
    }
}
