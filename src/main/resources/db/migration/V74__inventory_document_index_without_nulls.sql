-- As V73 for items: ledger rows check their posting by (tenant_id, id), and a cached plan that scans
-- (tenant_id, document_type, document_id) on tenant_id alone would read every posting of the company
-- for each ledger row. Restricted to postings that have a document, this index cannot serve that check;
-- lookups by document (document_id = ...) still use it.
DROP INDEX stock_postings_document_idx;
CREATE INDEX stock_postings_document_idx ON stock_postings (tenant_id, document_type, document_id)
    WHERE document_id IS NOT NULL;
