package dev.bodega.platform;

import dev.bodega.platform.internal.identity.SecurityEvents;
import dev.bodega.platform.internal.identity.SecurityEvents.Risk;
import dev.bodega.platform.internal.identity.SecurityEvents.Type;
import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class SecurityEventsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired SecurityEvents events;

    private void record(TestFixtures.Tenant tenant, Type type, Risk risk, UUID user, String details) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> {
            events.record(type, risk, user, details);
            return null;
        });
    }

    private List<JsonNode> items(String key, String path) {
        var response = api.get(key, path);
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<String> details(List<JsonNode> items) {
        return items.stream().map(item -> item.path("details").asString("")).toList();
    }

    @Test
    void filtersNarrowTheEventsNewestFirst() {
        var tenant = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS);
        record(tenant, Type.LOGIN_FAILURE, Risk.low, seller, "f1");
        record(tenant, Type.LOGIN_FAILURE, Risk.medium, seller, "f2");
        record(tenant, Type.ACCOUNT_LOCKED, Risk.high, seller, "locked");
        record(tenant, Type.LOGIN_SUCCESS, Risk.low, tenant.adminId(), "admin in");
        Instant end = Instant.now().plus(1, ChronoUnit.SECONDS);
        String key = tenant.adminKey();

        assertThat(details(items(key, "/api/v1/security-events?userId=" + seller)))
                .containsExactly("locked", "f2", "f1");
        assertThat(details(items(key, "/api/v1/security-events?type=LOGIN_FAILURE"))).containsExactly("f2", "f1");
        assertThat(details(items(key, "/api/v1/security-events?risk=high"))).containsExactly("locked");
        List<JsonNode> locked = items(key, "/api/v1/security-events?type=ACCOUNT_LOCKED&userId=" + seller);
        assertThat(locked).hasSize(1);
        JsonNode event = locked.get(0);
        assertThat(event.get("type").asString()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(event.get("risk").asString()).isEqualTo("high");
        assertThat(event.get("userName").asString()).isEqualTo("User seller@" + tenant.slug() + ".test");
        assertThat(event.get("ipAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(event.get("userAgent").asString()).isEqualTo("test");

        String window = "&from=" + encode(start) + "&to=" + encode(end);
        assertThat(items(key, "/api/v1/security-events?userId=" + seller + window)).hasSize(3);
        assertThat(items(key, "/api/v1/security-events?userId=" + seller + "&from=" + encode(end))).isEmpty();
        assertThat(items(key, "/api/v1/security-events?userId=" + seller + "&to=" + encode(start))).isEmpty();

        List<String> paged = new ArrayList<>();
        String path = "/api/v1/security-events?limit=1&userId=" + seller;
        while (path != null) {
            JsonNode page = api.get(key, path).json();
            page.get("items").forEach(item -> paged.add(item.get("details").asString()));
            JsonNode next = page.get("nextCursor");
            path = next == null || next.isNull() ? null
                    : "/api/v1/security-events?limit=1&userId=" + seller + "&cursor=" + next.asString();
        }
        assertThat(paged).containsExactly("locked", "f2", "f1");

        assertThat(api.get(key, "/api/v1/security-events?type=HACKED").status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/security-events?risk=extreme").status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/security-events?userId=42").status()).isEqualTo(400);
        assertThat(api.get(key, "/api/v1/security-events?cursor=42").status()).isEqualTo(400);
    }

    @Test
    void anotherTenantsEventsAreNeverReturned() {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        record(a, Type.ACCOUNT_LOCKED, Risk.high, a.adminId(), "a-only");
        assertThat(items(b.adminKey(), "/api/v1/security-events?userId=" + a.adminId())).isEmpty();
        List<JsonNode> all = items(b.adminKey(), "/api/v1/security-events?limit=200");
        assertThat(details(all)).doesNotContain("a-only");
        assertThat(all).allSatisfy(item -> assertThat(item.path("userId").asString(""))
                .isNotEqualTo(a.adminId().toString()));
    }

    private static String encode(Object value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }
}
