-- A notification is shown in the reader's language: its text is kept as message keys and arguments, read
-- through the bundles when the page is drawn. title and message keep the text in the company's language for
-- the API and for notices written before this change (and for free text such as an approver's note).
ALTER TABLE notifications
    ADD COLUMN title_key   varchar(200),
    ADD COLUMN message_key varchar(200),
    ADD COLUMN args        text[] NOT NULL DEFAULT '{}';

-- The company's tax id (NIT, RUC, RFC...), printed on its invoices; optional, set by the company's admins.
ALTER TABLE tenants ADD COLUMN tax_id varchar(40);
