package dev.bodega.catalog.internal.items;

import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The item page's form: a bean, so a value that does not even convert (letters
 * in a price) stays on the form with its error; it becomes an
 * {@link ItemRequest} for the rules the API applies.
 */
public class ItemForm {

    private String sku;
    private String barcode;
    private String name;
    private String description;
    private String brand;
    private UUID categoryId;
    private String kind = ItemRequest.CONSUMABLE;
    private String unitCode = "pcs";
    private BigDecimal costPrice;
    private BigDecimal salePrice;
    private BigDecimal minStock;
    private BigDecimal maxStock;
    private boolean proprietary;
    private String manufacturerPartNumber;
    private Integer manufacturerDeliveryDays;
    private Integer supplierDeliveryDays;
    private boolean discontinued;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate restockEta;
    private String imageUrls;
    private boolean active = true;

    static ItemForm of(Items.ItemView item) {
        ItemForm form = new ItemForm();
        form.sku = item.sku();
        form.barcode = item.barcode();
        form.name = item.name();
        form.description = item.description();
        form.brand = item.brand();
        form.categoryId = item.categoryId();
        form.kind = item.kind();
        form.unitCode = item.unitCode();
        form.costPrice = item.costPrice();
        form.salePrice = item.salePrice();
        form.minStock = item.minStock();
        form.maxStock = item.maxStock();
        form.proprietary = item.proprietary();
        form.manufacturerPartNumber = item.manufacturerPartNumber();
        form.manufacturerDeliveryDays = item.manufacturerDeliveryDays();
        form.supplierDeliveryDays = item.supplierDeliveryDays();
        form.discontinued = item.discontinued();
        form.restockEta = item.restockEta();
        form.imageUrls = String.join("\n", item.imageUrls());
        form.active = item.active();
        return form;
    }

    ItemRequest toRequest() {
        return new ItemRequest(sku, barcode, name, description, brand, categoryId, kind, unitCode, costPrice, salePrice,
                minStock, maxStock, proprietary, manufacturerPartNumber, manufacturerDeliveryDays, supplierDeliveryDays,
                discontinued, restockEta, imageUrls == null ? List.of() : List.of(imageUrls), active);
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getBarcode() {
        return barcode;
    }

    public void setBarcode(String barcode) {
        this.barcode = barcode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public UUID getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(UUID categoryId) {
        this.categoryId = categoryId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public BigDecimal getCostPrice() {
        return costPrice;
    }

    public void setCostPrice(BigDecimal costPrice) {
        this.costPrice = costPrice;
    }

    public BigDecimal getSalePrice() {
        return salePrice;
    }

    public void setSalePrice(BigDecimal salePrice) {
        this.salePrice = salePrice;
    }

    public BigDecimal getMinStock() {
        return minStock;
    }

    public void setMinStock(BigDecimal minStock) {
        this.minStock = minStock;
    }

    public BigDecimal getMaxStock() {
        return maxStock;
    }

    public void setMaxStock(BigDecimal maxStock) {
        this.maxStock = maxStock;
    }

    public boolean isProprietary() {
        return proprietary;
    }

    public void setProprietary(boolean proprietary) {
        this.proprietary = proprietary;
    }

    public String getManufacturerPartNumber() {
        return manufacturerPartNumber;
    }

    public void setManufacturerPartNumber(String manufacturerPartNumber) {
        this.manufacturerPartNumber = manufacturerPartNumber;
    }

    public Integer getManufacturerDeliveryDays() {
        return manufacturerDeliveryDays;
    }

    public void setManufacturerDeliveryDays(Integer manufacturerDeliveryDays) {
        this.manufacturerDeliveryDays = manufacturerDeliveryDays;
    }

    public Integer getSupplierDeliveryDays() {
        return supplierDeliveryDays;
    }

    public void setSupplierDeliveryDays(Integer supplierDeliveryDays) {
        this.supplierDeliveryDays = supplierDeliveryDays;
    }

    public boolean isDiscontinued() {
        return discontinued;
    }

    public void setDiscontinued(boolean discontinued) {
        this.discontinued = discontinued;
    }

    public LocalDate getRestockEta() {
        return restockEta;
    }

    public void setRestockEta(LocalDate restockEta) {
        this.restockEta = restockEta;
    }

    public String getImageUrls() {
        return imageUrls;
    }

    public void setImageUrls(String imageUrls) {
        this.imageUrls = imageUrls;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
