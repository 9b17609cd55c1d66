package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class NotificationsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired Notifications notifications;

    private void send(TestFixtures.Tenant tenant, UUID to, String title) {
        TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), () -> {
            notifications.send(new Notifications.Notice(to, title, "about " + title, "warning", "high", "/audit"));
            return null;
        });
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private String sellerKey(TestFixtures.Tenant tenant, UUID seller) {
        return fixtures.apiKey(tenant, seller, Set.of("sales.*"), List.of("sales.*"));
    }

    @Test
    void aUserListsOnlyTheirOwnNotificationsNewestFirst() {
        var tenant = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        send(tenant, tenant.adminId(), "first");
        send(tenant, tenant.adminId(), "second");
        send(tenant, seller, "for the seller");

        var mine = api.get(tenant.adminKey(), "/api/v1/notifications");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(titles(mine.json())).containsExactly("second", "first");
        JsonNode item = mine.json().get("items").get(0);
        assertThat(item.get("message").asString()).isEqualTo("about second");
        assertThat(item.get("type").asString()).isEqualTo("warning");
        assertThat(item.get("priority").asString()).isEqualTo("high");
        assertThat(item.get("link").asString()).isEqualTo("/audit");
        assertThat(item.has("readAt")).isFalse();

        assertThat(titles(api.get(sellerKey(tenant, seller), "/api/v1/notifications").json()))
                .containsExactly("for the seller");
    }

    @Test
    void markingReadLowersTheUnreadCount() {
        var tenant = fixtures.tenant();
        send(tenant, tenant.adminId(), "one");
        send(tenant, tenant.adminId(), "two");
        send(tenant, tenant.adminId(), "three");
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/unread-count").json().get("count").asInt())
                .isEqualTo(3);

        String id = api.get(tenant.adminKey(), "/api/v1/notifications").json().get("items").get(0).get("id").asString();
        assertThat(api.post(tenant.adminKey(), "/api/v1/notifications/" + id + "/read", null).status()).isEqualTo(204);
        // Marking twice is harmless and keeps the first read time.
        assertThat(api.post(tenant.adminKey(), "/api/v1/notifications/" + id + "/read", null).status()).isEqualTo(204);

        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/unread-count").json().get("count").asInt())
                .isEqualTo(2);
        assertThat(titles(api.get(tenant.adminKey(), "/api/v1/notifications?unread=true").json()))
                .containsExactly("two", "one");
        JsonNode read = api.get(tenant.adminKey(), "/api/v1/notifications").json().get("items").get(0);
        assertThat(read.get("readAt").asString()).isNotBlank();

        var all = api.post(tenant.adminKey(), "/api/v1/notifications/read-all", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("marked").asInt()).isEqualTo(2);
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/unread-count").json().get("count").asInt())
                .isZero();
        assertThat(titles(api.get(tenant.adminKey(), "/api/v1/notifications?unread=true").json())).isEmpty();
    }

    @Test
    void someoneElsesNotificationIsNotFound() {
        var tenant = fixtures.tenant();
        var other = fixtures.tenant();
        UUID seller = fixtures.user(tenant, "seller@" + tenant.slug() + ".test", "seller");
        send(tenant, tenant.adminId(), "admin only");
        String id = api.get(tenant.adminKey(), "/api/v1/notifications").json().get("items").get(0).get("id").asString();

        var bySeller = api.post(sellerKey(tenant, seller), "/api/v1/notifications/" + id + "/read", null);
        assertThat(bySeller.status()).isEqualTo(404);
        assertThat(bySeller.header("content-type")).startsWith("application/problem+json");
        assertThat(api.post(other.adminKey(), "/api/v1/notifications/" + id + "/read", null).status()).isEqualTo(404);
        assertThat(api.post(tenant.adminKey(), "/api/v1/notifications/" + UUID.randomUUID() + "/read", null).status())
                .isEqualTo(404);
        assertThat(api.post(tenant.adminKey(), "/api/v1/notifications/not-a-uuid/read", null).status()).isEqualTo(404);

        assertThat(titles(api.get(other.adminKey(), "/api/v1/notifications").json())).isEmpty();
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications/unread-count").json().get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        var tenant = fixtures.tenant();
        for (int i = 1; i <= 5; i++) {
            send(tenant, tenant.adminId(), "n" + i);
        }
        List<String> seen = new ArrayList<>();
        String path = "/api/v1/notifications?limit=2";
        int pages = 0;
        while (path != null) {
            JsonNode page = api.get(tenant.adminKey(), path).json();
            seen.addAll(titles(page));
            pages++;
            JsonNode next = page.get("nextCursor");
            path = next == null || next.isNull() ? null : "/api/v1/notifications?limit=2&cursor=" + next.asString();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("n5", "n4", "n3", "n2", "n1");
        assertThat(api.get(tenant.adminKey(), "/api/v1/notifications?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void signingInIsRequired() {
        assertThat(api.get(null, "/api/v1/notifications").status()).isEqualTo(401);
    }
}
