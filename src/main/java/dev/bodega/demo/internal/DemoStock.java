package dev.bodega.demo.internal;

import dev.bodega.catalog.CatalogItems;
import dev.bodega.catalog.ItemInfo;
import dev.bodega.inventory.InventorySetup;
import dev.bodega.inventory.MovementType;
import dev.bodega.inventory.StockPostings;
import dev.bodega.inventory.StockPostings.Line;
import dev.bodega.platform.TenantSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo company's stock: three locations, the seller and the technician working at theirs, opening stock
 * for every active item at a few times its minimum, the admin subscribed to low-stock alerts, an approval
 * threshold and one adjustment waiting for approval. About one level in ten starts short (at or below its
 * minimum), and the admin hears of a handful: low-stock alerts are raised by crossing a minimum, so most short
 * levels are short because the manager keeps a minimum of their own there, above the count; a minimum set by
 * hand moves the flag without an alert. The few counted short alert the admin.
 */
@Component
class DemoStock {

    static final String CENTRAL = "Bodega Central";
    static final String WORKSHOP = "Taller Norte";
    static final String STORE = "Tienda Centro";
    static final BigDecimal APPROVAL_THRESHOLD = new BigDecimal("500.00");
    /** One level in this many of those with a minimum starts short; the sales history leaves them so. */
    private static final int SHORT_EVERY = 8;
    /** Short levels counted short (the rest are short by their own minimum): the admin's first alerts. */
    private static final int ALERTED = 5;
    /** A level's own minimum, where the manager keeps one: half as much again as the count found. */
    private static final BigDecimal OWN_MINIMUM = new BigDecimal("1.5");
    private static final int BATCH_SIZE = 500;
    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);

    record Level(UUID locationId, UUID itemId) {
    }

    /** The stock after the opening count: the locations by name, on hand per level, the short levels. */
    record Stocked(Map<String, UUID> locations, Map<Level, BigDecimal> onHand, Set<Level> shortLevels) {
    }

    private final InventorySetup inventory;
    private final StockPostings postings;
    private final CatalogItems catalog;
    private final TenantSettingsService settings;
    private final DemoScope scope;

    DemoStock(InventorySetup inventory, StockPostings postings, CatalogItems catalog, TenantSettingsService settings,
              DemoScope scope) {
        this.inventory = inventory;
        this.postings = postings;
        this.catalog = catalog;
        this.settings = settings;
        this.scope = scope;
    }

    Stocked seed(UUID tenant, DemoUsers users) {
        UUID admin = users.admin();
        Map<String, UUID> locations = scope.as(tenant, null, () -> createLocations(users));
        List<ItemInfo> items = scope.as(tenant, null, catalog::active);
        Stocked stocked = new Stocked(locations, new LinkedHashMap<>(), new HashSet<>());
        Map<Level, BigDecimal> ownMinimums = new LinkedHashMap<>();
        List<Line> lines = plan(items, locations, stocked, ownMinimums);
        scope.run(tenant, admin, () -> {
            inventory.subscribeToLowStock(admin);
            post(lines);
        });
        scope.run(tenant, users.managerOrAdmin(), () -> ownMinimums.forEach((level, minimum) ->
                inventory.setMinimum(level.locationId(), level.itemId(), minimum)));
        scope.run(tenant, null, () -> settings.changeAdjustmentApprovalThreshold(APPROVAL_THRESHOLD));
        pendingAdjustment(tenant, users.managerOrAdmin(), items, locations.get(CENTRAL));
        log.info("Demo stock: {} opening levels at {} locations, {} short", stocked.onHand().size(), locations.size(),
                stocked.shortLevels().size());
        return stocked;
    }

    private Map<String, UUID> createLocations(DemoUsers users) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (InventorySetup.NewLocation location : List.of(
                new InventorySetup.NewLocation(CENTRAL, "warehouse", "Calle 13 # 68-45, Bogotá", "+57 601 555 0101"),
                new InventorySetup.NewLocation(WORKSHOP, "workshop", "Carrera 15 # 122-30, Bogotá", "+57 601 555 0102"),
                new InventorySetup.NewLocation(STORE, "store", "Carrera 7 # 24-89, Bogotá", "+57 601 555 0103"))) {
            ids.put(location.name(), inventory.createLocation(location));
        }
        if (users.seller() != null) {
            inventory.assign(ids.get(STORE), List.of(users.seller()));
        }
        if (users.technician() != null) {
            inventory.assign(ids.get(WORKSHOP), List.of(users.technician()));
        }
        return ids;
    }

    /**
     * Deterministic levels: every item at the central warehouse, every third one at the store and every fourth at
     * the workshop; one in {@link #SHORT_EVERY} of those with a minimum is short, the first {@link #ALERTED} of
     * them counted short, the others given their own minimum ({@code ownMinimums}) once counted.
     */
    private static List<Line> plan(List<ItemInfo> items, Map<String, UUID> locations, Stocked stocked,
                                   Map<Level, BigDecimal> ownMinimums) {
        List<Line> lines = new ArrayList<>();
        int withMinimum = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemInfo item = items.get(i);
            List<UUID> at = new ArrayList<>(List.of(locations.get(CENTRAL)));
            if (i % 3 == 0) {
                at.add(locations.get(STORE));
            }
            if (i % 4 == 1) {
                at.add(locations.get(WORKSHOP));
            }
            for (int k = 0; k < at.size(); k++) {
                Level level = new Level(at.get(k), item.id());
                boolean hasMinimum = item.minStock().compareTo(BigDecimal.ONE) >= 0;
                boolean isShort = hasMinimum && withMinimum++ % SHORT_EVERY == 3;
                boolean counted = isShort && stocked.shortLevels().size() < ALERTED;
                BigDecimal quantity = counted ? shortQuantity(item, i) : quantity(item, i * 3 + k);
                if (isShort) {
                    stocked.shortLevels().add(level);
                }
                if (isShort && !counted) {
                    ownMinimums.put(level, quantity.multiply(OWN_MINIMUM).setScale(0, RoundingMode.CEILING));
                }
                stocked.onHand().put(level, quantity);
                lines.add(Line.in(level.locationId(), item.id(), MovementType.OPENING_BALANCE, quantity,
                        item.costPrice()));
            }
        }
        return lines;
    }

    /**
     * Between one and a half and four times the minimum (ten units stand for a missing one); bulk material gets
     * half a unit more, to show its decimals.
     */
    private static BigDecimal quantity(ItemInfo item, int n) {
        BigDecimal base = item.minStock().signum() > 0 ? item.minStock() : BigDecimal.TEN;
        BigDecimal factor = BigDecimal.valueOf(15 + Math.floorMod(n * 37, 26), 1);
        BigDecimal quantity = base.multiply(factor).setScale(0, RoundingMode.HALF_UP);
        return item.unitDecimals() > 0 ? quantity.add(new BigDecimal("0.5")) : quantity;
    }

    /** Between a third of the minimum and the minimum itself, in whole units, at least one. */
    private static BigDecimal shortQuantity(ItemInfo item, int n) {
        BigDecimal share = BigDecimal.valueOf(3 + n % 8, 1);
        return item.minStock().multiply(share).setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE);
    }

    private void post(List<Line> lines) {
        for (int from = 0; from < lines.size(); from += BATCH_SIZE) {
            postings.post(new StockPostings.Posting("opening_balance", "demo", null, null,
                    "Saldo inicial de demostración",
                    List.copyOf(lines.subList(from, Math.min(lines.size(), from + BATCH_SIZE)))));
        }
    }

    /** A count correction at the warehouse worth more than the threshold, requested by the manager. */
    private void pendingAdjustment(UUID tenant, UUID requester, List<ItemInfo> items, UUID central) {
        items.stream().filter(i -> i.costPrice().signum() > 0)
                .max(Comparator.comparing(ItemInfo::costPrice))
                .ifPresent(item -> {
                    BigDecimal quantity = APPROVAL_THRESHOLD.divide(item.costPrice(), 0, RoundingMode.CEILING)
                            .add(BigDecimal.ONE);
                    scope.run(tenant, requester, () -> inventory.requestAdjustment(central, "count_correction",
                            "Conteo físico: cajas sin registrar en el mezzanine", Map.of(item.id(), quantity)));
                });
    }
}
