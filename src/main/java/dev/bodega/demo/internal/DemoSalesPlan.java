package dev.bodega.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo company's sales history, planned before anything is written: for each of the last
 * {@code days} days (today up to now), a weekday-shaped number of sales at random times of the opening
 * hours, each at a store with one of its sellers, sometimes for a known customer, with one to a few
 * lines whose items follow a Zipf-like popularity (a few items sell a lot, most sell rarely). Seeded, so
 * every demo company gets the same history relative to its first day.
 */
final class DemoSalesPlan {

    /**
     * A place that sells, how much of the trade it gets, who sells there (the first seller most) and the
     * items it does not sell (those short there: selling them would only make them shorter).
     */
    record Store(UUID locationId, double share, List<UUID> sellers, Set<UUID> notSold) {
    }

    record Item(UUID id, String sku, int decimals) {
    }

    record Line(Item item, BigDecimal quantity, BigDecimal discountPercent) {
    }

    /** {@code payment}: cash, card, transfer or mixed (card then cash). {@code cancelAfterMinutes} > 0: cancelled then. */
    record Sale(Instant at, Store store, UUID sellerId, UUID customerId, List<Line> lines, String payment,
                int cancelAfterMinutes) {
    }

    private static final long SEED = 20_240_917L;
    private static final double ZIPF_EXPONENT = 1.1;
    private static final LocalTime OPENS = LocalTime.of(8, 0);
    private static final int OPEN_MINUTES = 11 * 60;
    private static final int TODAY_AT_LEAST = 3;

    private final Random random = new Random(SEED);
    private final List<Store> stores;
    private final List<Item> items;
    private final List<UUID> customers;
    private final double[] itemWeights;
    private final double[] customerWeights;

    DemoSalesPlan(List<Store> stores, List<Item> items, List<UUID> customers) {
        this.stores = List.copyOf(stores);
        List<Item> ranked = new ArrayList<>(items);
        // Popularity by rank in a shuffled catalog, so the best sellers are not simply the first SKUs.
        Collections.shuffle(ranked, random);
        this.items = ranked;
        this.customers = List.copyOf(customers);
        this.itemWeights = cumulative(ranked.size(), ZIPF_EXPONENT);
        this.customerWeights = cumulative(customers.size(), 0.8);
    }

    /** The sales of the {@code days} days up to {@code now}, oldest first; none after {@code now}. */
    List<Sale> sales(Instant now, ZoneId zone, int days) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<Sale> sales = new ArrayList<>();
        for (int back = days - 1; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            List<Instant> times = new ArrayList<>();
            int count = salesOn(day, (double) (days - back) / days);
            for (int i = 0; i < count; i++) {
                Instant at = day.atTime(OPENS).plusMinutes(random.nextInt(OPEN_MINUTES)).plusSeconds(random.nextInt(60))
                        .atZone(zone).toInstant();
                if (at.isBefore(now)) {
                    times.add(at);
                }
            }
            if (back == 0) {
                earlyBirds(times, now, day.atStartOfDay(zone).toInstant());
            }
            Collections.sort(times);
            times.stream().map(this::sale).filter(Objects::nonNull).forEach(sales::add);
        }
        return sales;
    }

    /** Today shows sales even before the store opens: a few in the last two hours (since midnight at most). */
    private void earlyBirds(List<Instant> times, Instant now, Instant midnight) {
        Instant from = now.minusSeconds(2 * 3600).isAfter(midnight) ? now.minusSeconds(2 * 3600) : midnight;
        long window = Math.max(1, now.getEpochSecond() - from.getEpochSecond());
        while (times.size() < TODAY_AT_LEAST) {
            times.add(from.plusSeconds((long) (random.nextDouble() * window)));
        }
    }

    /** Busy Saturdays, quiet Sundays, a trade that grows a little over the period. */
    private int salesOn(LocalDate day, double progress) {
        double growth = 0.85 + 0.3 * progress;
        DayOfWeek weekday = day.getDayOfWeek();
        int base = weekday == DayOfWeek.SATURDAY ? 14 + random.nextInt(9)
                : weekday == DayOfWeek.SUNDAY ? 2 + random.nextInt(4)
                : 7 + random.nextInt(8);
        return (int) Math.round(base * growth);
    }

    /** Null when the draws found nothing the store sells (a store short of nearly everything). */
    private Sale sale(Instant at) {
        Store store = pickStore();
        UUID seller = store.sellers().size() == 1 || random.nextDouble() < 0.7 ? store.sellers().get(0)
                : store.sellers().get(1 + random.nextInt(store.sellers().size() - 1));
        UUID customer = !customers.isEmpty() && random.nextDouble() < 0.4
                ? customers.get(pick(customerWeights)) : null;
        int lineCount = 1 + (random.nextDouble() < 0.45 ? 1 : 0) + (random.nextDouble() < 0.2 ? 1 : 0)
                + (random.nextDouble() < 0.08 ? 2 : 0);
        List<Line> lines = new ArrayList<>();
        List<UUID> taken = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            Item item = item(store);
            if (item != null && !taken.contains(item.id())) {
                taken.add(item.id());
                lines.add(new Line(item, quantity(item), random.nextDouble() < 0.07
                        ? BigDecimal.valueOf(random.nextBoolean() ? 5 : 10) : null));
            }
        }
        double p = random.nextDouble();
        String payment = p < 0.5 ? "cash" : p < 0.8 ? "card" : p < 0.92 ? "transfer" : "mixed";
        int cancelAfter = random.nextDouble() < 0.025 ? 5 + random.nextInt(55) : 0;
        if (lines.isEmpty()) {
            return null;
        }
        return new Sale(at, store, seller, customer, List.copyOf(lines), payment, cancelAfter);
    }

    /** A popular item the store sells; null in the rare case that a few draws find none. */
    private Item item(Store store) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Item item = items.get(pick(itemWeights));
            if (!store.notSold().contains(item.id())) {
                return item;
            }
        }
        return null;
    }

    /** Pieces mostly one at a time; bulk material (m, kg, l) in halves and wholes. */
    private BigDecimal quantity(Item item) {
        if (item.decimals() > 0) {
            return BigDecimal.valueOf(1 + random.nextInt(10)).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
        }
        double q = random.nextDouble();
        return BigDecimal.valueOf(q < 0.62 ? 1 : q < 0.86 ? 2 : q < 0.95 ? 3 : 4 + random.nextInt(5));
    }

    private Store pickStore() {
        double total = stores.stream().mapToDouble(Store::share).sum();
        double x = random.nextDouble() * total;
        for (Store store : stores) {
            x -= store.share();
            if (x < 0) {
                return store;
            }
        }
        return stores.get(stores.size() - 1);
    }

    /** Cumulative weights 1/rank^s, normalised to end at 1. */
    private static double[] cumulative(int n, double exponent) {
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            weights[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private int pick(double[] cumulative) {
        double x = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Uses the plan's random source, so the returns picked are the same for every demo company. */
    Random random() {
        return random;
    }
}
