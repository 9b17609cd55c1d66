package dev.bodega.inventory;

/** Why a ledger row moved stock (seed 003 tipo_operacion, seed 004 transaction types). */
public enum MovementType {
    RECEIPT, ISSUE, ADJUSTMENT, TRANSFER_OUT, TRANSFER_IN, SALE, SALE_CANCELLATION, CUSTOMER_RETURN,
    PURCHASE_RECEIPT, COUNT_CORRECTION, TECHNICIAN, PART_USAGE, WARRANTY, OPENING_BALANCE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MovementType fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
