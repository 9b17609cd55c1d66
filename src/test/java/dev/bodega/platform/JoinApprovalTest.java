package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import dev.bodega.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 003 user approval: a person asks to join by the company's link, cannot sign in until an admin approves
 * them, and is told why when rejected; admins are notified unless they opted out of that kind of notification.
 */
@BodegaTest
class JoinApprovalTest {

    private static final String PASSWORD = "joiner-password-1";

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired MessageSource messages;
    @Autowired Notifications notifications;

    private String joinPath(TestFixtures.Tenant tenant) {
        var link = api.get(tenant.adminKey(), "/api/v1/users/join-link");
        assertThat(link.status()).isEqualTo(200);
        return link.json().get("path").asString();
    }

    private WebSession.Page join(String path, String email) {
        var session = new WebSession(api.baseUrl());
        assertThat(session.get(path).status()).isEqualTo(200);
        return session.post(path, Map.of("name", "Joiner " + email, "email", email, "password", PASSWORD));
    }

    private String userId(TestFixtures.Tenant tenant, String email) {
        return api.get(tenant.adminKey(), "/api/v1/users?q=" + email).json().get("items").get(0).get("id").asString();
    }

    @Test
    void aJoinerWaitsForApprovalThenSignsIn() {
        var tenant = fixtures.tenant();
        String email = "joiner@" + tenant.slug() + ".test";
        var asked = join(joinPath(tenant), email);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).contains("/login").contains("joinRequested").contains("company=" + tenant.slug());

        var refused = new WebSession(api.baseUrl()).login(tenant.slug(), email, PASSWORD);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains(es("login.error.pending_approval"));
        assertThat(new WebSession(api.baseUrl()).login(tenant.slug(), email, "wrong-password-1").body())
                .as("the wrong password learns nothing of the request")
                .contains(es("login.error.bad_credentials")).doesNotContain(es("login.error.pending_approval"));

        assertThat(titles(api.get(tenant.adminKey(), "/api/v1/notifications").json()))
                .contains(es("notification.pendingApproval.title"));
        String id = userId(tenant, email);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/pending").json().get("items"))
                .extracting(n -> n.get("id").asString()).containsExactly(id);
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/" + id).json().get("approval").asString()).isEqualTo("pending");

        var approved = api.post(tenant.adminKey(), "/api/v1/users/" + id + "/approve",
                Map.of("roleIds", List.of(tenant.roles().get("viewer"))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approval").asString()).isEqualTo("approved");
        assertThat(approved.json().get("roles").get(0).get("name").asString()).isEqualTo("viewer");
        assertThat(api.post(tenant.adminKey(), "/api/v1/users/" + id + "/approve", Map.of()).status())
                .as("approved twice").isEqualTo(409);
        assertThat(api.post(tenant.adminKey(), "/api/v1/users/" + id + "/reject", Map.of("reason", "late")).status())
                .as("an approved user is not rejected").isEqualTo(409);

        WebSession.signedIn(api.baseUrl(), tenant.slug(), email, PASSWORD);
    }

    @Test
    void aRejectedJoinerIsToldWhyInTheirLanguage() {
        var tenant = fixtures.tenant();
        String email = "rejected@" + tenant.slug() + ".test";
        join(joinPath(tenant), email);
        String id = userId(tenant, email);
        assertThat(api.post(tenant.adminKey(), "/api/v1/users/" + id + "/reject", Map.of("reason", " ")).status())
                .as("a reason is required").isEqualTo(400);
        assertThat(api.post(tenant.adminKey(), "/api/v1/users/" + id + "/reject",
                Map.of("reason", "No trabaja en el taller")).json().get("approval").asString()).isEqualTo("rejected");

        var refused = new WebSession(api.baseUrl()).login(tenant.slug(), email, PASSWORD);
        assertThat(refused.body()).contains(es("login.error.rejected"), "No trabaja en el taller");
        var english = new WebSession(api.baseUrl());
        english.get("/login?lang=en");
        assertThat(english.post("/login", Map.of("company", tenant.slug(), "email", email, "password", PASSWORD))
                .body()).contains(messages.getMessage("login.error.rejected", null, Locale.ENGLISH));
        assertThat(api.get(tenant.adminKey(), "/api/v1/users/pending").json().get("items")).isEmpty();
    }

    @Test
    void aReplacedOrUnknownLinkIsNotFoundAndATakenEmailIsRefused() {
        var tenant = fixtures.tenant();
        String old = joinPath(tenant);
        String fresh = api.post(tenant.adminKey(), "/api/v1/users/join-link", null).json().get("path").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(new WebSession(api.baseUrl()).get(old).status()).isEqualTo(404);
        assertThat(new WebSession(api.baseUrl()).get("/join/" + "0".repeat(48)).status()).isEqualTo(404);
        var taken = join(fresh, tenant.adminEmail());
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body()).contains("field-error");
    }

    @Test
    void subscriptionsAreHonouredAndDefaultToSubscribed() {
        var tenant = fixtures.tenant();
        UUID secondAdmin = fixtures.user(tenant, "second@" + tenant.slug() + ".test", "admin");
        var mine = api.get(tenant.adminKey(), "/api/v1/notifications/subscriptions").json().get("subscriptions");
        assertThat(mine).extracting(n -> n.get("type").asString()).containsExactly("request.created",
                "request.dispatched", "request.discrepancy", "warranty.pending", "user.pending_approval",
                "sale.void_requested", "movement.approval_pending", "stock.negative", "order.submitted",
                "order.status_changed");
        assertThat(mine).allMatch(n -> n.get("subscribed").asBoolean());

        var admin = WebSession.signedIn(api.baseUrl(), tenant.slug(), tenant.adminEmail(), TestFixtures.PASSWORD);
        admin.get("/profile");
        assertThat(admin.post("/profile/notifications", Map.of("types", List.of("request.created", "warranty.pending")))
                .status()).isEqualTo(302);
        assertThat(admin.get("/profile").body()).contains("id=\"subscription-warranty-pending\" checked")
                .doesNotContain("id=\"subscription-user-pending_approval\" checked");

        join(joinPath(tenant), "quiet@" + tenant.slug() + ".test");
        assertThat(titles(api.get(tenant.adminKey(), "/api/v1/notifications").json()))
                .as("the admin who opted out").doesNotContain(es("notification.pendingApproval.title"));
        String secondKey = fixtures.apiKey(tenant, secondAdmin, Set.of("*"), List.of("*"));
        assertThat(titles(api.get(secondKey, "/api/v1/notifications").json()))
                .as("the admin who did not").contains(es("notification.pendingApproval.title"));

        boolean sent = TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> notifications.send(
                NotificationType.WARRANTY_PENDING, new Notifications.Notice(tenant.adminId(), "Claim W-1", "", "info",
                        "normal", null)));
        assertThat(sent).isTrue();
        assertThat(api.put(tenant.adminKey(), "/api/v1/notifications/subscriptions", Map.of("subscriptions",
                List.of(Map.of("type", "warranty.pending", "subscribed", false))), Map.of()).status()).isEqualTo(200);
        boolean again = TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> notifications.send(
                NotificationType.WARRANTY_PENDING, new Notifications.Notice(tenant.adminId(), "Claim W-2", "", "info",
                        "normal", null)));
        assertThat(again).isFalse();
        assertThat(titles(api.get(tenant.adminKey(), "/api/v1/notifications").json())).contains("Claim W-1")
                .doesNotContain("Claim W-2");
        assertThat(api.put(tenant.adminKey(), "/api/v1/notifications/subscriptions", Map.of("subscriptions",
                List.of(Map.of("type", "nope.nope", "subscribed", false))), Map.of()).status()).isEqualTo(400);
    }

    private String es(String key) {
        return messages.getMessage(key, null, Locale.forLanguageTag("es"));
    }

    private static List<String> titles(tools.jackson.databind.JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }
}
