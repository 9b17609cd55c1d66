package dev.bodega.catalog;

import dev.bodega.support.Api;
import dev.bodega.support.BodegaTest;
import dev.bodega.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@BodegaTest
class SearchTest {

    @Autowired TestFixtures fixtures;
    @Autowired Api api;

    private TestFixtures.Tenant tenant;

    @BeforeEach
    void catalog() {
        tenant = fixtures.tenant();
        add("TOR-HEX-M6-20", "Tornillo hexagonal M6 x 20 mm", "Acero galvanizado, rosca métrica", "7701000000017", "Andina");
        add("TOR-HEX-M8-40", "Tornillo hexagonal M8 x 40 mm", "Acero galvanizado", "7701000000024", "Andina");
        add("PIN-LAT-BL", "Pintura látex blanca", "Pintura lavable para interiores", "7701000000031", "Pintuco");
        add("CAB-THHN-12", "Cable eléctrico 12 AWG", "Conductor de cobre", "7701000000048", "Centelsa");
        add("MAR-16", "Martillo carpintero 16 oz", "Mango de fibra de vidrio", "7701000000055", "Stanley");
    }

    private void add(String sku, String name, String description, String barcode, String brand) {
        var body = new java.util.HashMap<String, Object>(ItemsApiTest.item(sku, name));
        body.put("description", description);
        body.put("barcode", barcode);
        body.put("brand", brand);
        assertThat(api.post(tenant.adminKey(), "/api/v1/items", body).status()).isEqualTo(201);
    }

    private List<String> search(String query) {
        List<String> skus = new ArrayList<>();
        api.get(tenant.adminKey(), "/api/v1/items?" + query).json().get("items")
                .forEach(item -> skus.add(item.get("sku").asString()));
        return skus;
    }

    private List<String> q(String text) {
        return search("q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    @Test
    void spanishStemmingFindsPluralsAndOtherForms() {
        assertThat(q("tornillos")).containsExactlyInAnyOrder("TOR-HEX-M6-20", "TOR-HEX-M8-40");
        assertThat(q("pinturas blancas")).containsExactly("PIN-LAT-BL");
        assertThat(q("cables eléctricos")).startsWith("CAB-THHN-12");
        assertThat(q("lavables")).containsExactly("PIN-LAT-BL");
    }

    @Test
    void trigramsFindATypoOrAFragmentOfTheSku() {
        assertThat(q("TORHEX-M6")).first().isEqualTo("TOR-HEX-M6-20");
        assertThat(q("tor-hex-m8")).first().isEqualTo("TOR-HEX-M8-40");
        assertThat(q("martilo")).containsExactly("MAR-16");
        assertThat(q("CAB-THH")).containsExactly("CAB-THHN-12");
    }

    @Test
    void anExactSkuOrBarcodeRanksFirst() {
        assertThat(q("TOR-HEX-M8-40")).first().isEqualTo("TOR-HEX-M8-40");
        assertThat(q("7701000000031")).first().isEqualTo("PIN-LAT-BL");
        assertThat(q("770100000004")).containsExactly("CAB-THHN-12");
        var exact = api.get(tenant.adminKey(), "/api/v1/items/by-barcode/7701000000055");
        assertThat(exact.json().get("sku").asString()).isEqualTo("MAR-16");
    }

    @Test
    void filtersCombineWithSearch() {
        assertThat(search("brand=andina")).containsExactlyInAnyOrder("TOR-HEX-M6-20", "TOR-HEX-M8-40");
        assertThat(search("q=tornillo&brand=Pintuco")).isEmpty();
        assertThat(search("kind=bulk_material")).isEmpty();
        assertThat(search("active=true")).hasSize(5);
        assertThat(search("discontinued=true")).isEmpty();
    }

    @Test
    void searchResultsPageWithoutRepeatsOrGaps() {
        for (int i = 1; i <= 7; i++) {
            add("TOR-EXTRA-" + i, "Tornillo para madera " + i, "Punta aguda", null, "Andina");
        }
        Set<String> seen = new HashSet<>();
        int pages = 0;
        String cursor = null;
        do {
            var page = api.get(tenant.adminKey(), "/api/v1/items?q=tornillo&limit=3"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
            page.get("items").forEach(item -> assertThat(seen.add(item.get("sku").asString())).isTrue());
            cursor = page.get("nextCursor") == null ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(9);
        assertThat(pages).isEqualTo(3);

        Set<String> all = new HashSet<>();
        cursor = null;
        do {
            var page = api.get(tenant.adminKey(), "/api/v1/items?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(item -> all.add(item.get("sku").asString()));
            cursor = page.get("nextCursor") == null ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(all).hasSize(12);
        assertThat(api.get(tenant.adminKey(), "/api/v1/items?cursor=nonsense").status()).isEqualTo(400);
    }

    @Test
    void anotherTenantsItemsAreNeverFound() {
        var other = fixtures.tenant();
        assertThat(api.get(other.adminKey(), "/api/v1/items?q=tornillos").json().get("items")).isEmpty();
        assertThat(api.get(other.adminKey(), "/api/v1/items/by-barcode/7701000000017").status()).isEqualTo(404);
    }
}
