-- A replayed Idempotency-Key response must be the first response byte for byte: jsonb reorders keys and
-- normalises the text, json keeps it as written.
ALTER TABLE idempotency_keys ALTER COLUMN response TYPE json USING response::json;
