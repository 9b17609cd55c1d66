package dev.bodega.platform;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class SettingsApiTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;
    @Autowired TenantSettingsService tenantSettings;

    private static Map<String, Object> change(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("currency", "COP");
        body.put("taxRate", new BigDecimal("19.00"));
        body.put("pricesIncludeTax", false);
        body.put("locale", "en");
        body.put("timeZone", "America/Mexico_City");
        body.put("allowNegativeStock", true);
        return body;
    }

    @Test
    void getShowsTheCompanySettingsWithItsVersionAsETag() {
        var tenant = fixtures.tenant();
        var response = api.get(tenant.adminKey(), "/api/v1/settings");
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("name").asString()).isEqualTo("Company " + tenant.slug());
        assertThat(json.get("slug").asString()).isEqualTo(tenant.slug());
        assertThat(json.get("plan").asString()).isEqualTo("starter");
        assertThat(json.get("status").asString()).isEqualTo("active");
        assertThat(json.get("currency").asString()).isEqualTo("USD");
        assertThat(json.get("taxRate").decimalValue()).isEqualByComparingTo("0");
        assertThat(json.get("pricesIncludeTax").asBoolean()).isTrue();
        assertThat(json.get("locale").asString()).isEqualTo("es");
        assertThat(json.get("timeZone").asString()).isEqualTo("America/Bogota");
        assertThat(json.get("allowNegativeStock").asBoolean()).isFalse();
        assertThat(json.get("maxUsers").asInt()).isEqualTo(25);
        assertThat(json.get("maxLocations").asInt()).isEqualTo(10);
        assertThat(json.get("maxItems").asInt()).isEqualTo(50000);
        assertThat(response.header("ETag")).isEqualTo("\"" + json.get("version").asLong() + "\"");
    }

    @Test
    void putWithTheCurrentVersionChangesWhatATenantMayChange() {
        var tenant = fixtures.tenant();
        String etag = api.get(tenant.adminKey(), "/api/v1/settings").header("ETag");
        Map<String, Object> body = change("Ferretería Norte");
        // Echoing read-only fields back (as a client that PUTs what it GOT) changes nothing.
        body.put("plan", "enterprise");
        body.put("status", "suspended");
        body.put("maxUsers", 100000);

        var updated = api.put(tenant.adminKey(), "/api/v1/settings", body, Map.of("If-Match", etag));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode json = updated.json();
        assertThat(json.get("name").asString()).isEqualTo("Ferretería Norte");
        assertThat(json.get("currency").asString()).isEqualTo("COP");
        assertThat(json.get("taxRate").decimalValue()).isEqualByComparingTo("19.00");
        assertThat(json.get("pricesIncludeTax").asBoolean()).isFalse();
        assertThat(json.get("locale").asString()).isEqualTo("en");
        assertThat(json.get("timeZone").asString()).isEqualTo("America/Mexico_City");
        assertThat(json.get("allowNegativeStock").asBoolean()).isTrue();
        assertThat(json.get("plan").asString()).isEqualTo("starter");
        assertThat(json.get("status").asString()).isEqualTo("active");
        assertThat(json.get("maxUsers").asInt()).isEqualTo(25);
        long version = Long.parseLong(etag.replace("\"", ""));
        assertThat(json.get("version").asLong()).isEqualTo(version + 1);
        assertThat(updated.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");

        assertThat(api.get(tenant.adminKey(), "/api/v1/settings").json().get("currency").asString()).isEqualTo("COP");
        TenantSettings seen = TestFixtures.asUser(tenant.id(), tenant.adminId(), Set.of("*"), tenantSettings::current);
        assertThat(seen.currencyUnit().getCurrencyCode()).isEqualTo("COP");
        assertThat(seen.taxRate()).isEqualByComparingTo("19");
        assertThat(seen.allowNegativeStock()).isTrue();
        assertThat(seen.zoneId().getId()).isEqualTo("America/Mexico_City");
    }

    @Test
    void anUpdateNeedsIfMatch() {
        var tenant = fixtures.tenant();
        var refused = api.put(tenant.adminKey(), "/api/v1/settings", change("No version"), Map.of());
        assertThat(refused.status()).isEqualTo(428);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/if-match-required");
    }

    @Test
    void aStaleVersionIsAConflict() {
        var tenant = fixtures.tenant();
        String etag = api.get(tenant.adminKey(), "/api/v1/settings").header("ETag");
        assertThat(api.put(tenant.adminKey(), "/api/v1/settings", change("First"), Map.of("If-Match", etag)).status())
                .isEqualTo(200);

        var stale = api.put(tenant.adminKey(), "/api/v1/settings", change("Second"), Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        assertThat(api.get(tenant.adminKey(), "/api/v1/settings").json().get("name").asString()).isEqualTo("First");
    }

    @Test
    void invalidValuesAreRefusedFieldByField() {
        var tenant = fixtures.tenant();
        String etag = api.get(tenant.adminKey(), "/api/v1/settings").header("ETag");
        Map<String, Object> body = change("Bad values");
        body.put("currency", "ZZZ");
        body.put("timeZone", "Mars/Olympus_Mons");
        body.put("taxRate", new BigDecimal("12.345"));
        body.put("locale", "fr");

        var refused = api.put(tenant.adminKey(), "/api/v1/settings", body, Map.of("If-Match", etag));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(fields(refused.json())).containsExactlyInAnyOrder("currency", "timeZone", "taxRate", "locale");

        for (Object rate : List.of(new BigDecimal("100"), new BigDecimal("-1"))) {
            body = change("Bad rate");
            body.put("taxRate", rate);
            var wrongRate = api.put(tenant.adminKey(), "/api/v1/settings", body, Map.of("If-Match", etag));
            assertThat(wrongRate.status()).isEqualTo(400);
            assertThat(fields(wrongRate.json())).containsExactly("taxRate");
        }
        body = change("Lowercase");
        body.put("currency", "cop");
        assertThat(fields(api.put(tenant.adminKey(), "/api/v1/settings", body, Map.of("If-Match", etag)).json()))
                .containsExactly("currency");
        body = change("Offset zone");
        body.put("timeZone", "-05:00");
        assertThat(fields(api.put(tenant.adminKey(), "/api/v1/settings", body, Map.of("If-Match", etag)).json()))
                .containsExactly("timeZone");

        assertThat(api.get(tenant.adminKey(), "/api/v1/settings").header("ETag")).isEqualTo(etag);
    }

    @Test
    void readingIsNotWriting() {
        var tenant = fixtures.tenant();
        var viewer = fixtures.user(tenant, "viewer@" + tenant.slug() + ".test", "viewer");
        String key = fixtures.apiKey(tenant, viewer, Set.of("*.read"), List.of("*.read"));
        var read = api.get(key, "/api/v1/settings");
        assertThat(read.status()).isEqualTo(200);
        var write = api.put(key, "/api/v1/settings", change("Viewer was here"), Map.of("If-Match", read.header("ETag")));
        assertThat(write.status()).isEqualTo(403);
    }

    @Test
    void eachTenantSeesAndChangesOnlyItsOwnSettings() {
        var a = fixtures.tenant();
        var b = fixtures.tenant();
        String etagA = api.get(a.adminKey(), "/api/v1/settings").header("ETag");
        api.put(a.adminKey(), "/api/v1/settings", change("Only A"), Map.of("If-Match", etagA));

        var seenByB = api.get(b.adminKey(), "/api/v1/settings").json();
        assertThat(seenByB.get("slug").asString()).isEqualTo(b.slug());
        assertThat(seenByB.get("name").asString()).isEqualTo("Company " + b.slug());

        String etagB = api.get(b.adminKey(), "/api/v1/settings").header("ETag");
        var changedB = api.put(b.adminKey(), "/api/v1/settings", change("Only B"), Map.of("If-Match", etagB));
        assertThat(changedB.json().get("slug").asString()).isEqualTo(b.slug());
        assertThat(api.get(a.adminKey(), "/api/v1/settings").json().get("name").asString()).isEqualTo("Only A");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields.stream().distinct().toList();
    }
}
