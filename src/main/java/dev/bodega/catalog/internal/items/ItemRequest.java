package dev.bodega.catalog.internal.items;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An item as a caller writes it (API body, page form, CSV row). Left out:
 * kind consumable, unit pcs, prices and minimum 0, flags false, active true.
 * Rules that need the database (the unit exists, min ≤ max, decimals of the
 * unit) are checked by {@link ItemRules}.
 */
public record ItemRequest(
        @NotBlank(message = "{catalog.item.sku.required}") @Size(max = 64, message = "{field.too-long}") String sku,
        @Size(max = 64, message = "{field.too-long}")
        @Pattern(regexp = "[0-9A-Za-z\\-.]*", message = "{catalog.item.barcode.invalid}") String barcode,
        @NotBlank(message = "{catalog.item.name.required}") @Size(max = 200, message = "{field.too-long}") String name,
        @Size(max = 4000, message = "{field.too-long}") String description,
        @Size(max = 100, message = "{field.too-long}") String brand,
        UUID categoryId,
        @Pattern(regexp = "consumable|bulk_material", message = "{catalog.item.kind.invalid}") String kind,
        @Size(max = 16, message = "{field.too-long}") String unitCode,
        @DecimalMin(value = "0", message = "{catalog.price.negative}")
        @Digits(integer = 12, fraction = 2, message = "{catalog.price.digits}") BigDecimal costPrice,
        @DecimalMin(value = "0", message = "{catalog.price.negative}")
        @Digits(integer = 12, fraction = 2, message = "{catalog.price.digits}") BigDecimal salePrice,
        @DecimalMin(value = "0", message = "{catalog.quantity.negative}")
        @Digits(integer = 11, fraction = 3, message = "{catalog.quantity.digits}") BigDecimal minStock,
        @DecimalMin(value = "0", message = "{catalog.quantity.negative}")
        @Digits(integer = 11, fraction = 3, message = "{catalog.quantity.digits}") BigDecimal maxStock,
        Boolean proprietary,
        @Size(max = 64, message = "{field.too-long}") String manufacturerPartNumber,
        @PositiveOrZero(message = "{catalog.days.negative}") Integer manufacturerDeliveryDays,
        @PositiveOrZero(message = "{catalog.days.negative}") Integer supplierDeliveryDays,
        Boolean discontinued,
        LocalDate restockEta,
        List<@Size(max = 2000, message = "{field.too-long}") String> imageUrls,
        Boolean active) {

    static final String CONSUMABLE = "consumable";
    static final String BULK_MATERIAL = "bulk_material";
}
