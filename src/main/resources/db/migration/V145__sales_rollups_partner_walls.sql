-- The shop's sales figures are the staff's (V119); a partner sees its own invoices, not the rollups.
SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'sales_rollup_zones', 'sales_daily', 'sales_daily_sellers', 'sales_daily_items', 'sales_daily_methods'
]::regclass[]) t;
