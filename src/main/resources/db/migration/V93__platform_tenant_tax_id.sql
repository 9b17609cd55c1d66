-- The company's tax id (NIT, RUC, RFC...), printed on its invoices; optional, set by the company's admins.
ALTER TABLE tenants ADD COLUMN tax_id varchar(40);
