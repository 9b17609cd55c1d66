package dev.bodega.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Items as other modules see them (inventory, sales, purchasing). Reads run
 * within the caller's transaction, so they see what the caller sees, under
 * the caller's tenant. Soft-deleted items are still found (history points to
 * them), with {@code active} false.
 */
public interface CatalogItems {

    Optional<ItemInfo> find(UUID itemId);

    /** The items found among {@code itemIds}, by id; unknown ids (or another tenant's) are simply absent. */
    Map<UUID, ItemInfo> findAll(Collection<UUID> itemIds);

    /** Every active item, by SKU. */
    List<ItemInfo> active();

    /** The active items compatible with a vehicle model, by SKU (the till's search by model); none for an unknown model. */
    List<ItemInfo> compatibleWith(UUID vehicleModelId);

    /**
     * Active items as the catalog's search finds them (accent- and typo-tolerant, by name, SKU or barcode), best
     * first, optionally within a category and its subcategories and fitting a vehicle model; with a blank {@code q},
     * the newest.
     */
    List<ItemCard> search(String q, UUID categoryId, UUID vehicleModelId, int limit);

    /**
     * The catalog's search, as its item list finds: words without their accents or with a typo, SKU and barcode
     * prefixes ({@code bujia} finds "Bujía NGK"), active or not; the ids, best match first, at most {@code limit},
     * deleted items left out.
     */
    List<UUID> matching(String text, int limit);
}
