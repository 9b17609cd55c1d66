-- The shop's purchasing is the staff's alone (V119).
SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'supplier_order_counters', 'supplier_orders', 'supplier_order_lines', 'supplier_receipts', 'supplier_receipt_lines'
]::regclass[]) t;
