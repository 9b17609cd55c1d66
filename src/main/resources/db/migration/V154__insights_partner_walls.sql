-- Forecasts and their runs are the staff's (V119); a partner sees its warehouses' recommended minimum on its levels.
SELECT app_wall_off_partners(t) FROM unnest(ARRAY[
    'predictions', 'forecast_series', 'forecast_runs', 'insights_settings'
]::regclass[]) t;
