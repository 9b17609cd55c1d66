package dev.bodega.bench;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Bodega till in the rush: {@code POST /api/v1/sales}, completed at once,
 * with an Idempotency-Key, on the till's own invoice series; paid by card
 * (the exact total) or in cash (rounded up to ten, the rest is change).
 */
final class BodegaTill implements LoadRun.Call {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"[^\"]*/([a-z0-9-]+)\"");

    private final URL sales;
    private final RushData.Till till;
    private final Baskets baskets;

    BodegaTill(String baseUrl, RushData.Till till, Baskets baskets) throws java.net.MalformedURLException {
        this.sales = URI.create(baseUrl + "/api/v1/sales").toURL();
        this.till = till;
        this.baskets = baskets;
    }

    @Override
    public String call() throws Exception {
        String body = saleJson(baskets.next());
        BlockingHttp.Response response = BlockingHttp.send("POST", sales, Map.of(
                "Authorization", "Bearer " + till.company().tenant().apiKey(),
                "Content-Type", "application/json",
                "Idempotency-Key", UUID.randomUUID().toString()), body);
        return response.status() == 201 ? null : failure(response.status(), response.body());
    }

    /** Prices include tax and there is no discount, so the total is the sum of quantity × price. */
    String saleJson(Baskets.Basket basket) {
        StringBuilder json = new StringBuilder(400).append("{\"locationId\":\"").append(till.locationId())
                .append("\",\"seriesId\":\"").append(till.seriesId()).append('"');
        if (basket.customer() >= 0) {
            RushData.Company company = till.company();
            json.append(",\"customerId\":\"").append(company.customers().get(basket.customer() % company.customers().size())).append('"');
        }
        json.append(",\"complete\":true,\"lines\":[");
        long total = 0;
        for (int i = 0; i < basket.ranks().length; i++) {
            int rank = basket.ranks()[i];
            total += basket.quantities()[i] * RushData.priceCents(rank);
            json.append(i == 0 ? "" : ",").append("{\"itemId\":\"").append(till.company().items().get(rank))
                    .append("\",\"quantity\":").append(basket.quantities()[i]).append('}');
        }
        long paid = basket.card() ? total : (total + 999) / 1000 * 1000;
        return json.append("],\"payments\":[{\"method\":\"").append(basket.card() ? "card" : "cash")
                .append("\",\"amount\":\"").append(paid / 100).append('.').append(String.format("%02d", paid % 100))
                .append("\"}]}").toString();
    }

    static String failure(int status, String body) {
        Matcher type = PROBLEM_TYPE.matcher(body == null ? "" : body);
        return status + (type.find() ? " " + type.group(1) : "");
    }
}
